-- Does SOP revision $sop_id have a step with urutan $urutan? (one row if so)
SELECT 1 AS ada FROM sop_langkah WHERE sop_id = $sop_id AND urutan = $urutan;
