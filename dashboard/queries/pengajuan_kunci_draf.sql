-- Inside a save's transaction: claim submission $1 while it is still a draft (state $2 of
-- dashboard/review/alur.py; bumps its version,
-- so a concurrent submit or return of the same row conflicts instead of passing unnoticed).
UPDATE pengajuan SET versi = versi + 1
WHERE id = $1 AND status = $2
RETURNING id;
