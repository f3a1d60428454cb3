-- Edit or move sub kegiatan $node_id (parent kegiatan $induk_id, unit $unit_id).
UPDATE sub_kegiatan SET kegiatan_id = $induk_id, kode = $kode, nama = $nama, aktif = $aktif, unit_id = $unit_id
WHERE id = $node_id;
