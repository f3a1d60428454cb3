-- Active Staf Bidang accounts of the units $unit_ids (list of unit ids), with their email address and
-- email switch (no preference row: email on): the recipients of a unit's notifications.
SELECT g.username, g.nama, g.email, g.instansi_id, g.unit_id,
       coalesce(p.surel, TRUE) AS surel
FROM pengguna g
JOIN peran_pengguna r ON r.pengguna_id = g.id AND r.peran = 'staf_bidang'
LEFT JOIN preferensi_notifikasi p ON p.username = g.username
WHERE g.aktif AND g.unit_id = ANY($unit_ids)
ORDER BY g.unit_id, g.username;
