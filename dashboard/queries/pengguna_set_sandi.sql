-- Store a new bcrypt hash ($password_hash) for a user ($username).
UPDATE pengguna SET password_hash = $password_hash WHERE username = $username;
