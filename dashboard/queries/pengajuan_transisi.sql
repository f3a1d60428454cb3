-- Move a submission ($pengajuan_id) to status $ke at time $waktu, only from status $dari and, when $versi is given,
-- only at the version the caller saw (a concurrent or stale move loses).
UPDATE pengajuan SET status = $ke, status_sejak = $waktu, versi = versi + 1
WHERE id = $pengajuan_id AND status = $dari AND ($versi::INTEGER IS NULL OR versi = $versi::INTEGER)
RETURNING id;
