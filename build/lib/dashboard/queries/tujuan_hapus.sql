-- Delete a tujuan ($1) that carries no data: checked by the service first.
DELETE FROM tujuan WHERE id = $1;
