-- Cuti bersama and local days off, by date.
SELECT tanggal, keterangan, jenis FROM hari_libur ORDER BY tanggal;
