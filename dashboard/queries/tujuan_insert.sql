-- New tujuan of instansi $instansi_id; returns its id.
INSERT INTO tujuan (instansi_id, kode, uraian, aktif) VALUES ($instansi_id, $kode, $nama, $aktif) RETURNING id;
