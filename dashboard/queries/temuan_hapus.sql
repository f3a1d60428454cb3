-- Remove a finding ($temuan_id).
DELETE FROM temuan WHERE id = $temuan_id;
