-- A final meeting ($1) archived by $2 at $3.
INSERT INTO rapat_arsip (rapat_id, oleh, pada) VALUES ($1, $2, $3);
