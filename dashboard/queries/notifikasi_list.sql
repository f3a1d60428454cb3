-- The inbox of user $username, newest first, at most $batas items.
SELECT id, jenis, judul, isi, halaman, objek, objek_id, dibuat_pada, dibaca_pada
FROM notifikasi WHERE penerima = $username
ORDER BY dibuat_pada DESC, id DESC
LIMIT $batas;
