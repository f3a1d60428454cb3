-- Open periods due by $tenggat (the agency's date + 3 days) and their units that have not submitted
-- (no submission, or a draft: state $status_draf, dashboard/review/alur.py), active units with active indicators: the deadline reminders.
SELECT p.id AS periode_id, p.instansi_id, p.tahun, p.triwulan, p.tenggat,
       u.id AS unit_id, u.nama AS unit
FROM periode p
JOIN unit u ON u.instansi_id = p.instansi_id AND u.aktif
LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = u.id
WHERE p.status = 'dibuka' AND p.tenggat <= $tenggat
  AND coalesce(s.status, $status_draf) = $status_draf
  AND EXISTS (SELECT 1 FROM indikator i WHERE i.unit_id = u.id AND i.aktif)
ORDER BY p.id, u.id;
