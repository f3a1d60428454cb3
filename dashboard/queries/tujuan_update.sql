-- Edit tujuan $node_id ($instansi_id, the instansi, stays).
UPDATE tujuan SET kode = $kode, uraian = $nama, aktif = $aktif WHERE id = $node_id AND instansi_id = $instansi_id;
