-- The roles of user $pengguna_id (by id).
SELECT peran FROM peran_pengguna WHERE pengguna_id = $pengguna_id ORDER BY peran;
