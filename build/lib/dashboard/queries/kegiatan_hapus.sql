-- Delete a kegiatan ($1) that carries no data: checked by the service first.
DELETE FROM kegiatan WHERE id = $1;
