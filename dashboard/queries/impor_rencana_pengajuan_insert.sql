-- Plan import: a signed submission (state $status_disahkan, dashboard/review/alur.py) of unit $unit_id for period $periode_id ($username
-- by, $sekarang at); returns its id.
INSERT INTO pengajuan (periode_id, unit_id, status, diajukan_oleh, diajukan_pada, terlambat,
                       status_sejak)
VALUES ($periode_id, $unit_id, $status_disahkan, $username, $sekarang, FALSE, $sekarang)
RETURNING id;
