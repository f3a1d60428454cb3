-- The signed LKj (instansi $1, year $2, at version $3) sent to $4 by $5 at $6.
UPDATE lkj SET status = 'dikirim', status_oleh = $5, status_pada = $6, tujuan = $4,
       dikirim_oleh = $5, dikirim_pada = $6, versi = versi + 1
WHERE instansi_id = $1 AND tahun = $2 AND versi = $3 AND status = 'ditandatangani'
RETURNING versi;
