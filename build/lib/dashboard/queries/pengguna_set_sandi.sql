-- Store a new bcrypt hash ($1) for a user ($2).
UPDATE pengguna SET password_hash = $1 WHERE username = $2;
