-- The entries of one indicator ($indikator_id) in one year ($tahun): value, note, evidence, who and when.
SELECT triwulan, nilai, catatan, bukti, diubah_oleh, diubah_pada
FROM realisasi
WHERE indikator_id = $indikator_id AND tahun = $tahun
ORDER BY triwulan;
