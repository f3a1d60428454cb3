-- The latest (tahun, triwulan) with any realisation for an instansi ($1).
SELECT r.tahun, max(r.triwulan) AS triwulan
FROM realisasi r
JOIN indikator i ON i.id = r.indikator_id
WHERE i.instansi_id = $1
  AND r.tahun = (SELECT max(r2.tahun) FROM realisasi r2
                 JOIN indikator i2 ON i2.id = r2.indikator_id WHERE i2.instansi_id = $1)
GROUP BY r.tahun;
