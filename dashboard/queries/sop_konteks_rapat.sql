-- Instansi, year and quarter of meeting $rapat_id.
SELECT instansi_id, tahun, triwulan FROM rapat WHERE id = $rapat_id;
