-- The invitation of a meeting ($rapat_id) once sent, and whether the meeting is archived.
SELECT r.id AS rapat_id, u.nomor, u.tanggal, u.dikirim_oleh, u.dikirim_pada,
       a.oleh AS diarsipkan_oleh, a.pada AS diarsipkan_pada
FROM rapat r
LEFT JOIN rapat_undangan u ON u.rapat_id = r.id
LEFT JOIN rapat_arsip a ON a.rapat_id = r.id
WHERE r.id = $rapat_id;
