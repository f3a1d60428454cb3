-- Forget the switches of user $username (before writing new ones).
DELETE FROM preferensi_notifikasi WHERE username = $username;
