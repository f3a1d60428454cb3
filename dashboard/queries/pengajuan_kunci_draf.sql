-- Inside a save's transaction: claim submission $pengajuan_id while it is still a draft (state $status_draf of
-- dashboard/review/alur.py; bumps its version,
-- so a concurrent submit or return of the same row conflicts instead of passing unnoticed).
UPDATE pengajuan SET versi = versi + 1
WHERE id = $pengajuan_id AND status = $status_draf
RETURNING id;
