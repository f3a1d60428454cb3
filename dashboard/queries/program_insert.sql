-- New program under sasaran $induk_id; returns its id.
INSERT INTO program (sasaran_id, kode, nama, aktif) VALUES ($induk_id, $kode, $nama, $aktif) RETURNING id;
