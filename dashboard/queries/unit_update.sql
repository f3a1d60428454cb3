-- Edit a unit ($unit_id id).
UPDATE unit SET kode = $kode, nama = $nama, jenis = $jenis, aktif = $aktif WHERE id = $unit_id;
