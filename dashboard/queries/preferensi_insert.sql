-- The switches of user $username: email ($surel_aktif), daily digest ($ringkasan).
INSERT INTO preferensi_notifikasi (username, surel, ringkasan) VALUES ($username, $surel_aktif, $ringkasan);
