-- Events of one object ($objek objek, $objek_id objek_id), oldest first: the audit trail.
SELECT waktu, pengguna, peran, jenis, dari, ke, catatan
FROM event
WHERE objek = $objek AND objek_id = $objek_id
ORDER BY waktu, id;
