-- Delete a sub_kegiatan ($1) that carries no data: checked by the service first.
DELETE FROM sub_kegiatan WHERE id = $1;
