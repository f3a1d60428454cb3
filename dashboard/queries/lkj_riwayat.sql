-- Every act on one LKj (objek_id $objek_id = '<instansi_id>:<tahun>'), oldest first.
SELECT waktu, pengguna, peran, dari, ke, catatan, data
FROM event
WHERE objek = 'lkj' AND objek_id = $objek_id AND jenis = 'transisi'
ORDER BY waktu, id;
