-- A final meeting ($rapat_id) archived by $username at $pada.
INSERT INTO rapat_arsip (rapat_id, oleh, pada) VALUES ($rapat_id, $username, $pada);
