-- New unit; returns its id.
INSERT INTO unit (instansi_id, kode, nama, jenis, aktif) VALUES ($instansi_id, $kode, $nama, $jenis, $aktif) RETURNING id;
