-- How many steps SOP revision $sop_id has.
SELECT count(*) AS jumlah FROM sop_langkah WHERE sop_id = $sop_id;
