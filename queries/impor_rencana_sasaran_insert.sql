-- Plan import: a new sasaran node (parent $1 = tujuan_id, kode $2, uraian $3); returns its id.
INSERT INTO sasaran (tujuan_id, kode, uraian) VALUES ($1, $2, $3) RETURNING id;
