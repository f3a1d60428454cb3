-- How many inbox items of user $username are unread.
SELECT count(*) AS jumlah FROM notifikasi WHERE penerima = $username AND dibaca_pada IS NULL;
