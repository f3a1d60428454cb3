-- Revisions of a final meeting record ($rapat_id): the reason and the record as it was.
SELECT revisi, alasan, sebelum, oleh, pada
FROM rapat_revisi WHERE rapat_id = $rapat_id ORDER BY revisi DESC;
