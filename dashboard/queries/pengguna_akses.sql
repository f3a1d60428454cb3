-- The caller of a session ($username username): identity, scope and roles; only active, unlocked users.
SELECT p.username, p.nama, p.instansi_id, p.unit_id,
       array_agg(r.peran ORDER BY r.peran) FILTER (WHERE r.peran IS NOT NULL) AS peran
FROM pengguna p
LEFT JOIN peran_pengguna r ON r.pengguna_id = p.id
WHERE p.username = $username AND p.aktif AND NOT p.terkunci
GROUP BY p.username, p.nama, p.instansi_id, p.unit_id;
