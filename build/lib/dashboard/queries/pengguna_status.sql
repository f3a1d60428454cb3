-- Failure count and lock flag of a user ($1 username).
SELECT gagal_login, terkunci FROM pengguna WHERE username = $1;
