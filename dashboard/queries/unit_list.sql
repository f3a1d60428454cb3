-- Units of an instansi ($instansi_id).
SELECT id, kode, nama, jenis, aktif FROM unit WHERE instansi_id = $instansi_id ORDER BY kode;
