-- The revision of SOP kode $1 in force at $2: the latest one loaded by then.
SELECT id FROM sop WHERE kode = $1 AND dimuat_pada <= $2 ORDER BY revisi DESC LIMIT 1;
