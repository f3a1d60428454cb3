-- Retire ($1 FALSE) or reactivate tujuan nodes ($2: list of ids).
UPDATE tujuan SET aktif = $1 WHERE id = ANY(CAST($2 AS INTEGER[]));
