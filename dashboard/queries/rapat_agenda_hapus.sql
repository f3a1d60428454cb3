-- Remove the agenda of a meeting ($1), before writing the new list.
DELETE FROM rapat_agenda WHERE rapat_id = $1;
