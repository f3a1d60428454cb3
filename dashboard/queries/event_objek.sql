-- Events of one object ($1 objek, $2 objek_id), oldest first: the audit trail.
SELECT waktu, pengguna, peran, jenis, dari, ke, catatan
FROM event
WHERE objek = $1 AND objek_id = $2
ORDER BY waktu, id;
