-- Notes and evidence of a quarter ($2 tahun, $3 triwulan) for the indicators of instansi $1,
-- optionally one unit ($4).
SELECT r.indikator_id, r.catatan, r.bukti
FROM realisasi r
JOIN indikator i ON i.id = r.indikator_id
WHERE i.instansi_id = $1 AND r.tahun = $2 AND r.triwulan = $3 AND (CAST($4 AS INTEGER) IS NULL OR i.unit_id = $4);
