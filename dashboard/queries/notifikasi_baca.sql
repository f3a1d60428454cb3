-- Mark item $notifikasi_id of user $username as read at $dibaca_pada (no row when it is not theirs or already read).
UPDATE notifikasi SET dibaca_pada = $dibaca_pada
WHERE id = $notifikasi_id AND penerima = $username AND dibaca_pada IS NULL
RETURNING id;
