-- Admin reset: new bcrypt hash ($password_hash) for a user ($username), unlocked.
UPDATE pengguna SET password_hash = $password_hash, terkunci = FALSE, terkunci_sampai = NULL, gagal_login = 0
WHERE username = $username;
