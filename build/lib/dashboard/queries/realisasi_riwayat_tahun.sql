-- Realisation values of a unit's indicators ($1) in years before $2 (plausibility history).
SELECT r.indikator_id, r.nilai
FROM realisasi r
JOIN indikator i ON i.id = r.indikator_id
WHERE i.unit_id = $1 AND r.tahun < $2 AND r.nilai IS NOT NULL
ORDER BY r.indikator_id, r.tahun, r.triwulan;
