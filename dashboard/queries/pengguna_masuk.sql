-- The sign-in facts of a user ($username username): id, bcrypt hash, active, locked, lock end.
SELECT id, password_hash, aktif, terkunci, terkunci_sampai FROM pengguna WHERE username = $username;
