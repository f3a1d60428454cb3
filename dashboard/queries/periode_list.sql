-- Periods of an instansi ($instansi_id), newest first, with submission counts: submitted (not the draft
-- state $status_draf) and signed (state $status_disahkan), the states of dashboard/review/alur.py.
SELECT p.id, p.tahun, p.triwulan, p.tenggat, p.catatan, p.status, p.dibuka_oleh, p.dibuka_pada,
       count(s.id) FILTER (WHERE s.status <> $status_draf)          AS diajukan,
       count(s.id) FILTER (WHERE s.status = $status_disahkan)           AS disahkan,
       count(s.id) FILTER (WHERE s.terlambat)              AS terlambat
FROM periode p
LEFT JOIN pengajuan s ON s.periode_id = p.id
WHERE p.instansi_id = $instansi_id
GROUP BY p.id, p.tahun, p.triwulan, p.tenggat, p.catatan, p.status, p.dibuka_oleh, p.dibuka_pada
ORDER BY p.tahun DESC, p.triwulan DESC;
