-- Mark every unread item of user $username as read at $dibaca_pada.
UPDATE notifikasi SET dibaca_pada = $dibaca_pada WHERE penerima = $username AND dibaca_pada IS NULL;
