-- Edit or move kegiatan $6 (parent program $1, unit $5).
UPDATE kegiatan SET program_id = $1, kode = $2, nama = $3, aktif = $4, unit_id = $5
WHERE id = $6;
