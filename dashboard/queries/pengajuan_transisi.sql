-- Move a submission ($3) to status $1 at time $2, only from status $4 and, when $5 is given,
-- only at the version the caller saw (a concurrent or stale move loses).
UPDATE pengajuan SET status = $1, status_sejak = $2, versi = versi + 1
WHERE id = $3 AND status = $4 AND ($5::INTEGER IS NULL OR versi = $5::INTEGER)
RETURNING id;
