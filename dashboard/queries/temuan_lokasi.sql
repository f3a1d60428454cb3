-- The meeting a finding ($1) belongs to.
SELECT rapat_id FROM temuan WHERE id = $1;
