-- The id of the unit with kode $2 in instansi $1 (duplicate-code check).
SELECT id FROM unit WHERE instansi_id = $1 AND kode = $2;
