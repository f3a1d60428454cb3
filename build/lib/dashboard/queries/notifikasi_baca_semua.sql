-- Mark every unread item of user $1 as read at $2.
UPDATE notifikasi SET dibaca_pada = $2 WHERE penerima = $1 AND dibaca_pada IS NULL;
