-- New tujuan of instansi $1; returns its id.
INSERT INTO tujuan (instansi_id, kode, uraian, aktif) VALUES ($1, $2, $3, $4) RETURNING id;
