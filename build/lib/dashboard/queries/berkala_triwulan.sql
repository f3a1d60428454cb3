-- Per quarter of an instansi ($1) and year ($2) with a period: the units with active
-- indicators, and how many of them have the quarter's submission signed (state $3,
-- dashboard/review/alur.py).
SELECT p.triwulan,
       count(u.unit_id) AS unit,
       count(s.id) FILTER (WHERE s.status = $3) AS disahkan
FROM periode p
CROSS JOIN (SELECT DISTINCT unit_id FROM indikator WHERE instansi_id = $1 AND aktif) AS u
LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = u.unit_id
WHERE p.instansi_id = $1 AND p.tahun = $2
GROUP BY p.triwulan
ORDER BY p.triwulan;
