-- The roles of user $1 (by id).
SELECT peran FROM peran_pengguna WHERE pengguna_id = $1 ORDER BY peran;
