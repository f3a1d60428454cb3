-- A new LKj drafted: instansi $1, year $2, by $3 at $4.
INSERT INTO lkj (instansi_id, tahun, status, status_oleh, status_pada, disusun_oleh)
VALUES ($1, $2, 'disusun', $3, $4, $3)
RETURNING versi;
