-- Periods of an instansi ($1), newest first, with submission counts: submitted (not the draft
-- state $2) and signed (state $3), the states of dashboard/review/alur.py.
SELECT p.id, p.tahun, p.triwulan, p.tenggat, p.catatan, p.status, p.dibuka_oleh, p.dibuka_pada,
       count(s.id) FILTER (WHERE s.status <> $2)          AS diajukan,
       count(s.id) FILTER (WHERE s.status = $3)           AS disahkan,
       count(s.id) FILTER (WHERE s.terlambat)              AS terlambat
FROM periode p
LEFT JOIN pengajuan s ON s.periode_id = p.id
WHERE p.instansi_id = $1
GROUP BY p.id, p.tahun, p.triwulan, p.tenggat, p.catatan, p.status, p.dibuka_oleh, p.dibuka_pada
ORDER BY p.tahun DESC, p.triwulan DESC;
