-- Delete a program ($node_id) that carries no data: checked by the service first.
DELETE FROM program WHERE id = $node_id;
