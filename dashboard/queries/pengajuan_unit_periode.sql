-- The period of instansi $instansi_id for ($tahun, $triwulan) and unit $unit_id's submission for it
-- (NULL before the first save); no row when the period was never opened.
SELECT p.id AS periode_id, s.id AS pengajuan_id
FROM periode p
LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = $unit_id
WHERE p.instansi_id = $instansi_id AND p.tahun = $tahun AND p.triwulan = $triwulan;
