-- When a user ($1 username) last logged out (NULL = never).
SELECT keluar_pada FROM pengguna WHERE username = $1;
