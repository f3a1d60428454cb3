-- Admin edit of a user ($6 username).
UPDATE pengguna SET nama = $1, email = $2, instansi_id = $3, unit_id = $4, aktif = $5
WHERE username = $6;
