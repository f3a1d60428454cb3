-- Finish a step logged with its start only ($langkah_id id) at time $selesai.
UPDATE sop_run_langkah SET selesai = $selesai WHERE id = $langkah_id;
