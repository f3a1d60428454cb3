-- Remove a day off ($tanggal date).
DELETE FROM hari_libur WHERE tanggal = $tanggal;
