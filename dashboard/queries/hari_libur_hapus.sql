-- Remove a day off ($1 date).
DELETE FROM hari_libur WHERE tanggal = $1;
