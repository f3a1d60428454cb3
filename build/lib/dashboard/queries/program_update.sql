-- Edit or move program $5 (parent sasaran $1).
UPDATE program SET sasaran_id = $1, kode = $2, nama = $3, aktif = $4 WHERE id = $5;
