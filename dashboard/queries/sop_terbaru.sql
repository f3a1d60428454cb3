-- The id of the latest revision of an SOP kode ($1); no row when the kode is unknown.
SELECT id FROM sop WHERE kode = $1 ORDER BY revisi DESC LIMIT 1;
