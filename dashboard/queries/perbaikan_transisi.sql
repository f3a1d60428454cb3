-- Move a correction ($perbaikan_id) to status $ke at time $waktu, only from status $dari (a concurrent move loses).
UPDATE perbaikan SET status = $ke, status_sejak = $waktu
WHERE id = $perbaikan_id AND status = $dari
RETURNING id;
