-- Delete a sasaran ($node_id) that carries no data: checked by the service first.
DELETE FROM sasaran WHERE id = $node_id;
