-- Remove every role of a user ($pengguna_id pengguna id), before writing the new set.
DELETE FROM peran_pengguna WHERE pengguna_id = $pengguna_id;
