-- Periods of instansi $1 where unit $2 may enter data, with its submission status ($3, the
-- draft state of dashboard/review/alur.py, when it has none yet).
SELECT p.id, p.tahun, p.triwulan, p.tenggat, p.catatan, p.status,
       coalesce(s.status, $3) AS status_pengajuan
FROM periode p
LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = $2
WHERE p.instansi_id = $1
  AND (p.status = 'dibuka' OR EXISTS (SELECT 1 FROM periode_dibuka_unit d
                                      WHERE d.periode_id = p.id AND d.unit_id = $2 AND d.aktif))
ORDER BY p.tahun DESC, p.triwulan DESC;
