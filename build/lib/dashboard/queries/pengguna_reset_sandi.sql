-- Admin reset: new bcrypt hash ($1) for a user ($2), unlocked.
UPDATE pengguna SET password_hash = $1, terkunci = FALSE, terkunci_sampai = NULL, gagal_login = 0
WHERE username = $2;
