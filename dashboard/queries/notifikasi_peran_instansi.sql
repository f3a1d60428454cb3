-- Active accounts holding role $peran in instansi $instansi_id, with email address and email switch.
SELECT g.username, g.nama, g.email, g.instansi_id, g.unit_id,
       coalesce(p.surel, TRUE) AS surel
FROM pengguna g
JOIN peran_pengguna r ON r.pengguna_id = g.id AND r.peran = $peran
LEFT JOIN preferensi_notifikasi p ON p.username = g.username
WHERE g.aktif AND g.instansi_id = $instansi_id
ORDER BY g.username;
