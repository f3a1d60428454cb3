-- Close a period ($periode_id) for every unit, at $ditutup_pada (the agency's clock).
UPDATE periode SET status = 'ditutup', ditutup_pada = $ditutup_pada WHERE id = $periode_id;
