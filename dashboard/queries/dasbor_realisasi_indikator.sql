-- The entries of one indicator ($1) in one year ($2): value, note, evidence, who and when.
SELECT triwulan, nilai, catatan, bukti, diubah_oleh, diubah_pada
FROM realisasi
WHERE indikator_id = $1 AND tahun = $2
ORDER BY triwulan;
