-- Is a date ($1) already a day off? (one row if so)
SELECT 1 AS ada FROM hari_libur WHERE tanggal = $1;
