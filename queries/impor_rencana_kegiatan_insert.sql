-- Plan import: a new kegiatan node (parent $1 = program_id, kode $2, nama $3); returns its id.
INSERT INTO kegiatan (program_id, kode, nama) VALUES ($1, $2, $3) RETURNING id;
