-- The setting of instansi $instansi_id with key $kunci and value $nilai (JSON text).
INSERT INTO pengaturan VALUES ($instansi_id, $kunci, $nilai);
