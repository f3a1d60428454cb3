-- Retire ($1 FALSE) or reactivate sasaran nodes ($2: list of ids).
UPDATE sasaran SET aktif = $1 WHERE list_contains(CAST($2 AS INTEGER[]), id);
