-- Delete a program ($1) that carries no data: checked by the service first.
DELETE FROM program WHERE id = $1;
