-- Submission status of the unit-period a value belongs to (indicator $1, year $2, quarter $3).
SELECT s.status
FROM indikator i
JOIN periode p ON p.instansi_id = i.instansi_id AND p.tahun = $2 AND p.triwulan = $3
JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = i.unit_id
WHERE i.id = $1;
