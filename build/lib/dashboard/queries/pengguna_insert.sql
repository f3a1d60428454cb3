-- New user; returns its id.
INSERT INTO pengguna (username, nama, email, password_hash, instansi_id, unit_id, aktif)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id;
