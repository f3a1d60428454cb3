-- A step logged by hand ($langkah_id id): its start, the run's instansi and its end (NULL = not yet).
SELECT l.mulai, r.instansi_id, l.selesai
FROM sop_run_langkah l JOIN sop_run r ON r.id = l.run_id
WHERE l.id = $langkah_id;
