-- Give a user ($1 pengguna id) a role ($2).
INSERT INTO peran_pengguna VALUES ($1, $2);
