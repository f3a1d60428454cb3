-- Plan import: a signed submission (state $5, dashboard/review/alur.py) of unit $2 for period $1 ($3
-- by, $4 at); returns its id.
INSERT INTO pengajuan (periode_id, unit_id, status, diajukan_oleh, diajukan_pada, terlambat,
                       status_sejak)
VALUES ($1, $2, $5, $3, $4, FALSE, $4)
RETURNING id;
