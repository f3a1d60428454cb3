-- Failure count and lock flag of a user ($username username).
SELECT gagal_login, terkunci FROM pengguna WHERE username = $username;
