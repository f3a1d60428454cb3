-- Edit or move sasaran $5 (parent tujuan $1).
UPDATE sasaran SET tujuan_id = $1, kode = $2, uraian = $3, aktif = $4 WHERE id = $5;
