-- Successful login ($username username): the failure counter starts again.
UPDATE pengguna SET gagal_login = 0 WHERE username = $username;
