-- Was a period of instansi $1 for year $2, quarter $3 ever opened? (one row if so)
SELECT 1 AS ada FROM periode WHERE instansi_id = $1 AND tahun = $2 AND triwulan = $3;
