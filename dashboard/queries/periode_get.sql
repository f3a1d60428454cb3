-- One period by id ($periode_id).
SELECT id, instansi_id, tahun, triwulan, tenggat, catatan, status FROM periode WHERE id = $periode_id;
