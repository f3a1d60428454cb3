-- How many inbox items of user $1 are unread.
SELECT count(*) AS jumlah FROM notifikasi WHERE penerima = $1 AND dibaca_pada IS NULL;
