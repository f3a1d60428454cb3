-- Periods of instansi $instansi_id where unit $unit_id may enter data, with its submission status ($status_draf, the
-- draft state of dashboard/review/alur.py, when it has none yet).
SELECT p.id, p.tahun, p.triwulan, p.tenggat, p.catatan, p.status,
       coalesce(s.status, $status_draf) AS status_pengajuan
FROM periode p
LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = $unit_id
WHERE p.instansi_id = $instansi_id
  AND (p.status = 'dibuka' OR EXISTS (SELECT 1 FROM periode_dibuka_unit d
                                      WHERE d.periode_id = p.id AND d.unit_id = $unit_id AND d.aktif))
ORDER BY p.tahun DESC, p.triwulan DESC;
