-- A new LKj drafted: instansi $instansi_id, year $tahun, by $username at $sekarang.
INSERT INTO lkj (instansi_id, tahun, status, status_oleh, status_pada, disusun_oleh)
VALUES ($instansi_id, $tahun, 'disusun', $username, $sekarang, $username)
RETURNING versi;
