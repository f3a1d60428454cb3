-- Plan import: a new tujuan node (parent $1 = instansi_id, kode $2, uraian $3); returns its id.
INSERT INTO tujuan (instansi_id, kode, uraian) VALUES ($1, $2, $3) RETURNING id;
