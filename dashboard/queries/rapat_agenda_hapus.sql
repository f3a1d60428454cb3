-- Remove the agenda of a meeting ($rapat_id), before writing the new list.
DELETE FROM rapat_agenda WHERE rapat_id = $rapat_id;
