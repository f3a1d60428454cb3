-- The meeting a finding ($temuan_id) belongs to.
SELECT rapat_id FROM temuan WHERE id = $temuan_id;
