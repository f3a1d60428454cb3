-- Edit or move program $node_id (parent sasaran $induk_id).
UPDATE program SET sasaran_id = $induk_id, kode = $kode, nama = $nama, aktif = $aktif WHERE id = $node_id;
