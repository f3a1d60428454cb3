-- Full names of the users in the list $1 (usernames).
SELECT username, nama FROM pengguna WHERE username = ANY($1);
