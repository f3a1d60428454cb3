-- Unread items of user $1 created since $2, newest first (the daily digest).
SELECT judul, isi, dibuat_pada FROM notifikasi
WHERE penerima = $1 AND dibaca_pada IS NULL AND dibuat_pada >= $2
ORDER BY dibuat_pada DESC, id DESC;
