-- Every act on one LKj (objek_id $1 = '<instansi_id>:<tahun>'), oldest first.
SELECT waktu, pengguna, peran, dari, ke, catatan, data
FROM event
WHERE objek = 'lkj' AND objek_id = $1 AND jenis = 'transisi'
ORDER BY waktu, id;
