-- History of one value: indicator $1, year $2, quarter $3.
SELECT pada, oleh, sumber, nilai_lama, nilai_baru, catatan
FROM realisasi_riwayat
WHERE indikator_id = $1 AND tahun = $2 AND triwulan = $3
ORDER BY pada, id;
