-- Unread items of user $username created since $dibuat_pada, newest first (the daily digest).
SELECT judul, isi, dibuat_pada FROM notifikasi
WHERE penerima = $username AND dibaca_pada IS NULL AND dibuat_pada >= $dibuat_pada
ORDER BY dibuat_pada DESC, id DESC;
