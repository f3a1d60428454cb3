-- Next revision number for an SOP kode ($kode).
SELECT coalesce(max(revisi), 0) + 1 AS revisi FROM sop WHERE kode = $kode;
