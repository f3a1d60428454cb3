-- A day off: date $tanggal, description $keterangan, kind $jenis (cuti_bersama / lokal).
INSERT INTO hari_libur VALUES ($tanggal, $keterangan, $jenis);
