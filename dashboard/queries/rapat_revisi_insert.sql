-- Keep a final meeting record ($1) as it was ($4, JSON) before revision $2, reason $3, by $5 at $6.
INSERT INTO rapat_revisi (rapat_id, revisi, alasan, sebelum, oleh, pada)
VALUES ($1, $2, $3, $4, $5, $6);
