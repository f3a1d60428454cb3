-- The id of the unit with kode $kode in instansi $instansi_id (duplicate-code check).
SELECT id FROM unit WHERE instansi_id = $instansi_id AND kode = $kode;
