-- The current entries of a unit ($unit_id) for one quarter ($tahun tahun, $triwulan triwulan).
SELECT r.indikator_id, r.nilai, r.catatan, r.bukti, r.versi, r.diubah_oleh, r.diubah_pada
FROM realisasi r
JOIN indikator i ON i.id = r.indikator_id
WHERE i.unit_id = $unit_id AND r.tahun = $tahun AND r.triwulan = $triwulan;
