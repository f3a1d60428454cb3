-- Was a period of instansi $instansi_id for year $tahun, quarter $triwulan ever opened? (one row if so)
SELECT 1 AS ada FROM periode WHERE instansi_id = $instansi_id AND tahun = $tahun AND triwulan = $triwulan;
