-- Does SOP revision $1 have a step with urutan $2? (one row if so)
SELECT 1 AS ada FROM sop_langkah WHERE sop_id = $1 AND urutan = $2;
