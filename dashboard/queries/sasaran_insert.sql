-- New sasaran under tujuan $induk_id; returns its id.
INSERT INTO sasaran (tujuan_id, kode, uraian, aktif) VALUES ($induk_id, $kode, $nama, $aktif) RETURNING id;
