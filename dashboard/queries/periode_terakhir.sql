-- The latest (tahun, triwulan) with any realisation for an instansi ($instansi_id).
SELECT r.tahun, max(r.triwulan) AS triwulan
FROM realisasi r
JOIN indikator i ON i.id = r.indikator_id
WHERE i.instansi_id = $instansi_id
  AND r.tahun = (SELECT max(r2.tahun) FROM realisasi r2
                 JOIN indikator i2 ON i2.id = r2.indikator_id WHERE i2.instansi_id = $instansi_id)
GROUP BY r.tahun;
