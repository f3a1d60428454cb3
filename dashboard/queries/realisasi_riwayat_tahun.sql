-- Realisation values of a unit's indicators ($unit_id) in years before $tahun (plausibility history).
SELECT r.indikator_id, r.nilai
FROM realisasi r
JOIN indikator i ON i.id = r.indikator_id
WHERE i.unit_id = $unit_id AND r.tahun < $tahun AND r.nilai IS NOT NULL
ORDER BY r.indikator_id, r.tahun, r.triwulan;
