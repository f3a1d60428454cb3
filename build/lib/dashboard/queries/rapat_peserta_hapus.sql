-- Remove the participants of a meeting ($1), before writing the new list.
DELETE FROM rapat_peserta WHERE rapat_id = $1;
