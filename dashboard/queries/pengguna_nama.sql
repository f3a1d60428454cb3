-- Full names of the users in the list $daftar (usernames).
SELECT username, nama FROM pengguna WHERE username = ANY($daftar);
