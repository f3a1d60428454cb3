-- One period by id ($1).
SELECT id, instansi_id, tahun, triwulan, tenggat, catatan, status FROM periode WHERE id = $1;
