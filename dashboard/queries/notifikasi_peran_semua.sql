-- Active accounts holding one of the roles $peran (a list) in any instansi, with the role, email
-- address and email switch: the reviewers a reminder run may tell, read once per run.
SELECT r.peran, g.username, g.nama, g.email, g.instansi_id, g.unit_id,
       coalesce(p.surel, TRUE) AS surel
FROM pengguna g
JOIN peran_pengguna r ON r.pengguna_id = g.id AND r.peran = ANY($peran)
LEFT JOIN preferensi_notifikasi p ON p.username = g.username
WHERE g.aktif AND g.instansi_id IS NOT NULL
ORDER BY r.peran, g.instansi_id, g.username;
