-- The revision of SOP kode $kode in force at $pada: the latest one loaded by then.
SELECT id FROM sop WHERE kode = $kode AND dimuat_pada <= $pada ORDER BY revisi DESC LIMIT 1;
