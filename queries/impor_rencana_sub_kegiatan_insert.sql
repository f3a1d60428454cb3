-- Plan import: a new sub_kegiatan node (parent $1 = kegiatan_id, kode $2, nama $3); returns its id.
INSERT INTO sub_kegiatan (kegiatan_id, kode, nama) VALUES ($1, $2, $3) RETURNING id;
