-- Queue one email; nothing when its key ($kunci) is queued already. Due at once ($sekarang).
INSERT INTO surel_keluar (kunci, penerima, kepada, subjek, isi, dibuat_pada, coba_lagi_pada)
VALUES ($kunci, $username, $email, $subjek, $isi, $sekarang, $sekarang)
ON CONFLICT (kunci) DO NOTHING;
