-- Submission status of the unit-period a value belongs to (indicator $indikator_id, year $tahun, quarter $triwulan).
SELECT s.status
FROM indikator i
JOIN periode p ON p.instansi_id = i.instansi_id AND p.tahun = $tahun AND p.triwulan = $triwulan
JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = i.unit_id
WHERE i.id = $indikator_id;
