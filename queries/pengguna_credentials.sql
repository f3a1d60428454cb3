-- Every user with bcrypt hash, roles and whether the account may log in (credentials for the
-- login widget; blocked accounts get an unusable hash in the service).
SELECT p.username, p.nama, p.email, p.password_hash,
       list(r.peran ORDER BY r.peran) FILTER (WHERE r.peran IS NOT NULL) AS peran,
       p.aktif AND NOT p.terkunci AS boleh_masuk
FROM pengguna p
LEFT JOIN peran_pengguna r ON r.pengguna_id = p.id
GROUP BY p.username, p.nama, p.email, p.password_hash, p.aktif, p.terkunci;
