-- Give a user ($pengguna_id pengguna id) a role ($peran).
INSERT INTO peran_pengguna VALUES ($pengguna_id, $peran);
