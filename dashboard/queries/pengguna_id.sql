-- The id of a user ($1 username); no row when there is no such user.
SELECT id FROM pengguna WHERE username = $1;
