-- The setting of instansi $1 with key $2 and value $3 (JSON text).
INSERT INTO pengaturan VALUES ($1, $2, $3);
