-- Edit or move kegiatan $node_id (parent program $induk_id, unit $unit_id).
UPDATE kegiatan SET program_id = $induk_id, kode = $kode, nama = $nama, aktif = $aktif, unit_id = $unit_id
WHERE id = $node_id;
