-- New user; returns its id.
INSERT INTO pengguna (username, nama, email, password_hash, instansi_id, unit_id, aktif)
VALUES ($username, $nama, $email, $password_hash, $instansi_id, $unit_id, $aktif)
RETURNING id;
