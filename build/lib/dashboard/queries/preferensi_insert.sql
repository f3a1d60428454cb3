-- The switches of user $1: email ($2), daily digest ($3).
INSERT INTO preferensi_notifikasi (username, surel, ringkasan) VALUES ($1, $2, $3);
