-- The bcrypt hash of a user ($username username), to check the old password.
SELECT password_hash FROM pengguna WHERE username = $username;
