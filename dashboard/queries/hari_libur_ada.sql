-- Is a date ($tanggal) already a day off? (one row if so)
SELECT 1 AS ada FROM hari_libur WHERE tanggal = $tanggal;
