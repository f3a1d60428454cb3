-- A step of run $1 (urutan $2) logged by hand: start $3, end $4 (NULL = not yet), who did it $5,
-- note $6, logged by $7; returns its id.
INSERT INTO sop_run_langkah (run_id, urutan, mulai, selesai, pelaku, catatan, dicatat_oleh)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id;
