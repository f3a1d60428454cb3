-- The evidence reference stored with the value of indicator $1 in year $2, quarter $3.
SELECT bukti FROM realisasi WHERE indikator_id = $1 AND tahun = $2 AND triwulan = $3;
