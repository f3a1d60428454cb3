-- Full names of the users in the list $1 (usernames).
SELECT username, nama FROM pengguna WHERE list_contains($1, username);
