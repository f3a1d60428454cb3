-- Finish a step logged with its start only ($2 id) at time $1.
UPDATE sop_run_langkah SET selesai = $1 WHERE id = $2;
