-- Revisions of one SOP kode ($kode), newest first.
SELECT id, revisi, dimuat_pada, sumber, catatan_revisi FROM sop WHERE kode = $kode
ORDER BY revisi DESC;
