-- Instansi, year and quarter of period $periode_id.
SELECT instansi_id, tahun, triwulan FROM periode WHERE id = $periode_id;
