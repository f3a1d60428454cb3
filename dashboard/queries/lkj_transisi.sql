-- Move an LKj (instansi $instansi_id, year $tahun) still at version $versi to status $ke, by $username at $sekarang; $kembali marks
-- a return (to be drafted again) with its reason $alasan; a new draft records its drafter ($username).
-- $ke, $username and $kembali are cast where they first appear: PostgreSQL deduces one type per parameter.
UPDATE lkj SET status = CAST($ke AS VARCHAR), status_oleh = CAST($username AS VARCHAR),
       status_pada = $sekarang, dikembalikan = CAST($kembali AS BOOLEAN), alasan_kembali = $alasan,
       disusun_oleh = CASE WHEN $ke = 'disusun' AND NOT $kembali THEN $username ELSE disusun_oleh END,
       versi = versi + 1
WHERE instansi_id = $instansi_id AND tahun = $tahun AND versi = $versi
RETURNING versi;
