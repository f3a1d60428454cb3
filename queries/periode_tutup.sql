-- Close a period ($1) for every unit.
UPDATE periode SET status = 'ditutup', ditutup_pada = current_timestamp WHERE id = $1;
