-- A step of run $run_id (urutan $urutan) logged by hand: start $mulai, end $selesai (NULL = not yet), who did it $pelaku,
-- note $catatan, logged by $username; returns its id.
INSERT INTO sop_run_langkah (run_id, urutan, mulai, selesai, pelaku, catatan, dicatat_oleh)
VALUES ($run_id, $urutan, $mulai, $selesai, $pelaku, $catatan, $username)
RETURNING id;
