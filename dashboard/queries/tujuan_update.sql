-- Edit tujuan $5 ($1, the instansi, stays).
UPDATE tujuan SET kode = $2, uraian = $3, aktif = $4 WHERE id = $5 AND instansi_id = $1;
