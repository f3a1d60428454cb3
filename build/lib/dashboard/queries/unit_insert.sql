-- New unit; returns its id.
INSERT INTO unit (instansi_id, kode, nama, jenis, aktif) VALUES ($1, $2, $3, $4, $5) RETURNING id;
