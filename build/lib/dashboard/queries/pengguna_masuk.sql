-- The sign-in facts of a user ($1 username): id, bcrypt hash, active, locked, lock end.
SELECT id, password_hash, aktif, terkunci, terkunci_sampai FROM pengguna WHERE username = $1;
