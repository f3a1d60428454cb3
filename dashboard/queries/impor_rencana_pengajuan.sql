-- Plan import: the periods of instansi $instansi_id with, per unit, its submission status, whether the
-- closed period was reopened for it, and whether the submission was signed by a plan import.
SELECT p.id AS periode_id, p.tahun, p.triwulan, p.status AS status_periode, u.unit_id,
       s.id AS pengajuan_id, s.status,
       EXISTS (SELECT 1 FROM periode_dibuka_unit d
               WHERE d.periode_id = p.id AND d.unit_id = u.unit_id AND d.aktif) AS dibuka_unit,
       EXISTS (SELECT 1 FROM event e
               WHERE e.objek = 'pengajuan' AND e.objek_id = CAST(s.id AS VARCHAR)
                 AND e.jenis = 'diimpor') AS diimpor
FROM periode p
LEFT JOIN (
    SELECT periode_id, unit_id FROM pengajuan
    UNION SELECT periode_id, unit_id FROM periode_dibuka_unit
) u ON u.periode_id = p.id
LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = u.unit_id
WHERE p.instansi_id = $instansi_id;
