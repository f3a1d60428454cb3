-- Open periods due by $1 (the agency's date + 3 days) and their units that have not submitted
-- (no submission, or a draft: state $2, dashboard/review/alur.py), active units with active indicators: the deadline reminders.
SELECT p.id AS periode_id, p.instansi_id, p.tahun, p.triwulan, p.tenggat,
       u.id AS unit_id, u.nama AS unit
FROM periode p
JOIN unit u ON u.instansi_id = p.instansi_id AND u.aktif
LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = u.id
WHERE p.status = 'dibuka' AND p.tenggat <= $1
  AND coalesce(s.status, $2) = $2
  AND EXISTS (SELECT 1 FROM indikator i WHERE i.unit_id = u.id AND i.aktif)
ORDER BY p.id, u.id;
