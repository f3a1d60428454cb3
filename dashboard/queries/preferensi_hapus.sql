-- Forget the switches of user $1 (before writing new ones).
DELETE FROM preferensi_notifikasi WHERE username = $1;
