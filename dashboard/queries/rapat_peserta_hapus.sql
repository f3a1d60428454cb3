-- Remove the participants of a meeting ($rapat_id), before writing the new list.
DELETE FROM rapat_peserta WHERE rapat_id = $rapat_id;
