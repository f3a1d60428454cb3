-- The bcrypt hash of a user ($1 username), to check the old password.
SELECT password_hash FROM pengguna WHERE username = $1;
