-- The current value of indicator $indikator_id in year $tahun, quarter $triwulan (no row when never entered).
SELECT nilai FROM realisasi WHERE indikator_id = $indikator_id AND tahun = $tahun AND triwulan = $triwulan;
