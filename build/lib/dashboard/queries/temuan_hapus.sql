-- Remove a finding ($1).
DELETE FROM temuan WHERE id = $1;
