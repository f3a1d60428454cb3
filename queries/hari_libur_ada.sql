-- Is a date ($1) already a day off? (one row if so)
SELECT 1 FROM hari_libur WHERE tanggal = $1;
