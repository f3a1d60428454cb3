-- Steps (with standards) of the SOP revisions $sop_ids (list of ids).
SELECT sop_id, urutan, waktu, manual_hari, manual_menit, manual_basis
FROM sop_langkah WHERE sop_id = ANY($sop_ids);
