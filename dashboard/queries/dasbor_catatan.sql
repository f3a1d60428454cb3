-- Notes and evidence of a quarter ($tahun tahun, $triwulan triwulan) for the indicators of instansi $instansi_id,
-- optionally one unit ($lingkup).
SELECT r.indikator_id, r.catatan, r.bukti
FROM realisasi r
JOIN indikator i ON i.id = r.indikator_id
WHERE i.instansi_id = $instansi_id AND r.tahun = $tahun AND r.triwulan = $triwulan AND (CAST($lingkup AS INTEGER) IS NULL OR i.unit_id = $lingkup);
