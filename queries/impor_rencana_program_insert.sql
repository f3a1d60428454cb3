-- Plan import: a new program node (parent $1 = sasaran_id, kode $2, nama $3); returns its id.
INSERT INTO program (sasaran_id, kode, nama) VALUES ($1, $2, $3) RETURNING id;
