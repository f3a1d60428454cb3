-- The invitation of meeting $1 sent: number $2, letter date $3, by $4 at $5 (sent again: the
-- latest number and date are kept).
INSERT INTO rapat_undangan (rapat_id, nomor, tanggal, dikirim_oleh, dikirim_pada)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (rapat_id) DO UPDATE SET nomor = excluded.nomor, tanggal = excluded.tanggal,
    dikirim_oleh = excluded.dikirim_oleh, dikirim_pada = excluded.dikirim_pada;
