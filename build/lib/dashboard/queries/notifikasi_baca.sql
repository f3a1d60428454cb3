-- Mark item $1 of user $2 as read at $3 (no row when it is not theirs or already read).
UPDATE notifikasi SET dibaca_pada = $3
WHERE id = $1 AND penerima = $2 AND dibaca_pada IS NULL
RETURNING id;
