-- Revisions of a final meeting record ($1): the reason and the record as it was.
SELECT revisi, alasan, sebelum, oleh, pada
FROM rapat_revisi WHERE rapat_id = $1 ORDER BY revisi DESC;
