-- How many steps SOP revision $1 has.
SELECT count(*) AS jumlah FROM sop_langkah WHERE sop_id = $1;
