-- Unlock an account ($username username): by an admin, the CLI, or when its lock time has passed.
UPDATE pengguna SET terkunci = FALSE, terkunci_sampai = NULL, gagal_login = 0 WHERE username = $username;
