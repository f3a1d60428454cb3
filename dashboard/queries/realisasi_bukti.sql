-- The evidence reference stored with the value of indicator $indikator_id in year $tahun, quarter $triwulan.
SELECT bukti FROM realisasi WHERE indikator_id = $indikator_id AND tahun = $tahun AND triwulan = $triwulan;
