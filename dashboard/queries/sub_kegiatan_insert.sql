-- New sub kegiatan under kegiatan $induk_id (unit penanggung jawab $unit_id, optional); returns its id.
INSERT INTO sub_kegiatan (kegiatan_id, kode, nama, aktif, unit_id) VALUES ($induk_id, $kode, $nama, $aktif, $unit_id)
RETURNING id;
