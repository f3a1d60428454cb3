-- The id of the latest revision of an SOP kode ($kode); no row when the kode is unknown.
SELECT id FROM sop WHERE kode = $kode ORDER BY revisi DESC LIMIT 1;
