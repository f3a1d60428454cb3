-- Remove every role of a user ($1 pengguna id), before writing the new set.
DELETE FROM peran_pengguna WHERE pengguna_id = $1;
