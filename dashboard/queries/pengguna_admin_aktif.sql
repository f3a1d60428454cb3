-- How many active accounts hold the admin role (0 = the store still needs its first admin).
SELECT count(DISTINCT p.id) AS jumlah
FROM pengguna p
JOIN peran_pengguna r ON r.pengguna_id = p.id
WHERE r.peran = 'admin' AND p.aktif;
