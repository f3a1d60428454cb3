-- New sasaran under tujuan $1; returns its id.
INSERT INTO sasaran (tujuan_id, kode, uraian, aktif) VALUES ($1, $2, $3, $4) RETURNING id;
