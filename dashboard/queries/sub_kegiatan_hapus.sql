-- Delete a sub_kegiatan ($node_id) that carries no data: checked by the service first.
DELETE FROM sub_kegiatan WHERE id = $node_id;
