-- Edit a unit ($5 id).
UPDATE unit SET kode = $1, nama = $2, jenis = $3, aktif = $4 WHERE id = $5;
