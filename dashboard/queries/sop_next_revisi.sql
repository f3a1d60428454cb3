-- Next revision number for an SOP kode ($1).
SELECT coalesce(max(revisi), 0) + 1 AS revisi FROM sop WHERE kode = $1;
