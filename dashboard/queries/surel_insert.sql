-- Queue one email; nothing when its key ($1) is queued already. Due at once ($6).
INSERT INTO surel_keluar (kunci, penerima, kepada, subjek, isi, dibuat_pada, coba_lagi_pada)
VALUES ($1, $2, $3, $4, $5, $6, $6)
ON CONFLICT (kunci) DO NOTHING;
