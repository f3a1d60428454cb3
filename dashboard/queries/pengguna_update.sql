-- Admin edit of a user ($username username).
UPDATE pengguna SET nama = $nama, email = $email, instansi_id = $instansi_id, unit_id = $unit_id, aktif = $aktif
WHERE username = $username;
