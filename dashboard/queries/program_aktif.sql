-- Retire ($1 FALSE) or reactivate program nodes ($2: list of ids).
UPDATE program SET aktif = $1 WHERE id = ANY(CAST($2 AS INTEGER[]));
