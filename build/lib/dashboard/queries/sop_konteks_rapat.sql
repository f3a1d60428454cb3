-- Instansi, year and quarter of meeting $1.
SELECT instansi_id, tahun, triwulan FROM rapat WHERE id = $1;
