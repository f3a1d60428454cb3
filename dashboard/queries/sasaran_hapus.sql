-- Delete a sasaran ($1) that carries no data: checked by the service first.
DELETE FROM sasaran WHERE id = $1;
