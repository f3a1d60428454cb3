-- The instansi of a user ($username username; NULL = every instansi); no row when there is no such user.
SELECT instansi_id FROM pengguna WHERE username = $username;
