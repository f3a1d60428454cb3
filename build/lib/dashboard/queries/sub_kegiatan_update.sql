-- Edit or move sub kegiatan $6 (parent kegiatan $1, unit $5).
UPDATE sub_kegiatan SET kegiatan_id = $1, kode = $2, nama = $3, aktif = $4, unit_id = $5
WHERE id = $6;
