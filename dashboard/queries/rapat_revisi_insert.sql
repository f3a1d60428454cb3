-- Keep a final meeting record ($rapat_id) as it was ($sebelum, JSON) before revision $revisi, reason $bersih, by $username at $pada.
INSERT INTO rapat_revisi (rapat_id, revisi, alasan, sebelum, oleh, pada)
VALUES ($rapat_id, $revisi, $bersih, $sebelum, $username, $pada);
