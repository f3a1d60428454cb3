-- Per quarter of an instansi ($instansi_id) and year ($tahun) with a period: the units with active
-- indicators, and how many of them have the quarter's submission signed (state $status_disahkan,
-- dashboard/review/alur.py).
SELECT p.triwulan,
       count(u.unit_id) AS unit,
       count(s.id) FILTER (WHERE s.status = $status_disahkan) AS disahkan
FROM periode p
CROSS JOIN (SELECT DISTINCT unit_id FROM indikator WHERE instansi_id = $instansi_id AND aktif) AS u
LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = u.unit_id
WHERE p.instansi_id = $instansi_id AND p.tahun = $tahun
GROUP BY p.triwulan
ORDER BY p.triwulan;
