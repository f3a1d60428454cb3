-- The signed LKj (instansi $instansi_id, year $tahun, at version $versi) sent to $tujuan by $username at $sekarang.
UPDATE lkj SET status = 'dikirim', status_oleh = $username, status_pada = $sekarang, tujuan = $tujuan,
       dikirim_oleh = $username, dikirim_pada = $sekarang, versi = versi + 1
WHERE instansi_id = $instansi_id AND tahun = $tahun AND versi = $versi AND status = 'ditandatangani'
RETURNING versi;
