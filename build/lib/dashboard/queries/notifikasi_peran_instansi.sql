-- Active accounts holding role $1 in instansi $2, with email address and email switch.
SELECT g.username, g.nama, g.email, g.instansi_id, g.unit_id,
       coalesce(p.surel, TRUE) AS surel
FROM pengguna g
JOIN peran_pengguna r ON r.pengguna_id = g.id AND r.peran = $1
LEFT JOIN preferensi_notifikasi p ON p.username = g.username
WHERE g.aktif AND g.instansi_id = $2
ORDER BY g.username;
