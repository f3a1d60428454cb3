-- The default setting (NULL instansi) with key $kunci and value $nilai (JSON text).
INSERT INTO pengaturan VALUES (NULL, $kunci, $nilai);
