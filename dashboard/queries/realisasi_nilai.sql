-- The current value of indicator $1 in year $2, quarter $3 (no row when never entered).
SELECT nilai FROM realisasi WHERE indikator_id = $1 AND tahun = $2 AND triwulan = $3;
