-- The id of a user ($username username); no row when there is no such user.
SELECT id FROM pengguna WHERE username = $username;
