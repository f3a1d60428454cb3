-- New kegiatan under program $induk_id (unit penanggung jawab $unit_id, optional); returns its id.
INSERT INTO kegiatan (program_id, kode, nama, aktif, unit_id) VALUES ($induk_id, $kode, $nama, $aktif, $unit_id)
RETURNING id;
