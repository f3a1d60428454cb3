-- The default setting (NULL instansi) with key $1 and value $2 (JSON text).
INSERT INTO pengaturan VALUES (NULL, $1, $2);
