-- Retire ($1 FALSE) or reactivate sasaran nodes ($2: list of ids).
UPDATE sasaran SET aktif = $1 WHERE id = ANY(CAST($2 AS INTEGER[]));
