-- Units of an instansi ($1).
SELECT id, kode, nama, jenis, aktif FROM unit WHERE instansi_id = $1 ORDER BY kode;
