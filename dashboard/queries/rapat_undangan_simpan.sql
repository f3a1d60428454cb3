-- The invitation of meeting $rapat_id sent: number $nomor, letter date $tanggal, by $username at $dikirim_pada (sent again: the
-- latest number and date are kept).
INSERT INTO rapat_undangan (rapat_id, nomor, tanggal, dikirim_oleh, dikirim_pada)
VALUES ($rapat_id, $nomor, $tanggal, $username, $dikirim_pada)
ON CONFLICT (rapat_id) DO UPDATE SET nomor = excluded.nomor, tanggal = excluded.tanggal,
    dikirim_oleh = excluded.dikirim_oleh, dikirim_pada = excluded.dikirim_pada;
