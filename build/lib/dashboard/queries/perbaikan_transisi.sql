-- Move a correction ($3) to status $1 at time $2, only from status $4 (a concurrent move loses).
UPDATE perbaikan SET status = $1, status_sejak = $2
WHERE id = $3 AND status = $4
RETURNING id;
