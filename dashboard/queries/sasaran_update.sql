-- Edit or move sasaran $node_id (parent tujuan $induk_id).
UPDATE sasaran SET tujuan_id = $induk_id, kode = $kode, uraian = $nama, aktif = $aktif WHERE id = $node_id;
