-- The notification switches of user $1 (no row: email on, digest off).
SELECT surel, ringkasan FROM preferensi_notifikasi WHERE username = $1;
