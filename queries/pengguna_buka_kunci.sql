-- Admin unlocks an account ($1 username).
UPDATE pengguna SET terkunci = FALSE, gagal_login = 0 WHERE username = $1;
