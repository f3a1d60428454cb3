-- Instansi, year and quarter of period $1.
SELECT instansi_id, tahun, triwulan FROM periode WHERE id = $1;
