-- A final meeting record ($rapat_id) was revised: revision and version go up by one.
UPDATE rapat SET revisi = revisi + 1, versi = versi + 1 WHERE id = $rapat_id;
