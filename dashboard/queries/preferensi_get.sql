-- The notification switches of user $username (no row: email on, digest off).
SELECT surel, ringkasan FROM preferensi_notifikasi WHERE username = $username;
