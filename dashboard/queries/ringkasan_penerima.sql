-- Active users who asked for the daily digest and have an email address.
SELECT g.username, g.nama, g.email, g.instansi_id
FROM pengguna g
JOIN preferensi_notifikasi p ON p.username = g.username
WHERE g.aktif AND p.ringkasan AND coalesce(g.email, '') <> ''
ORDER BY g.username;
