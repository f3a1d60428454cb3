-- Steps logged by hand for the runs $run_ids (list of run ids); ulang counts earlier records of the
-- same step in the run (rework).
SELECT id, run_id, urutan, mulai, selesai, pelaku, catatan, dicatat_oleh,
       row_number() OVER (PARTITION BY run_id, urutan ORDER BY mulai) - 1 AS ulang
FROM sop_run_langkah
WHERE run_id = ANY($run_ids)
ORDER BY run_id, mulai;
