-- Close a period ($1) for every unit, at $2 (the agency's clock).
UPDATE periode SET status = 'ditutup', ditutup_pada = $2 WHERE id = $1;
