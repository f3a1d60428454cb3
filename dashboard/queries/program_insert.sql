-- New program under sasaran $1; returns its id.
INSERT INTO program (sasaran_id, kode, nama, aktif) VALUES ($1, $2, $3, $4) RETURNING id;
