-- The current entries of a unit ($1) for one quarter ($2 tahun, $3 triwulan).
SELECT r.indikator_id, r.nilai, r.catatan, r.bukti, r.versi, r.diubah_oleh, r.diubah_pada
FROM realisasi r
JOIN indikator i ON i.id = r.indikator_id
WHERE i.unit_id = $1 AND r.tahun = $2 AND r.triwulan = $3;
