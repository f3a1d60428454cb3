-- Delete a tujuan ($node_id) that carries no data: checked by the service first.
DELETE FROM tujuan WHERE id = $node_id;
