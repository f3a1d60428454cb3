-- Delete a kegiatan ($node_id) that carries no data: checked by the service first.
DELETE FROM kegiatan WHERE id = $node_id;
