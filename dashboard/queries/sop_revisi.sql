-- Revisions of one SOP kode ($1), newest first.
SELECT id, revisi, dimuat_pada, sumber, catatan_revisi FROM sop WHERE kode = $1
ORDER BY revisi DESC;
