-- The inbox of user $1, newest first, at most $2 items.
SELECT id, jenis, judul, isi, halaman, objek, objek_id, dibuat_pada, dibaca_pada
FROM notifikasi WHERE penerima = $1
ORDER BY dibuat_pada DESC, id DESC
LIMIT $2;
