-- Steps (with standards) of the SOP revisions used by the runs $run_ids (list of run ids).
SELECT l.sop_id, l.urutan, l.no, l.aktivitas, l.pelaksana, l.waktu, l.manual_hari,
       l.manual_menit, l.manual_basis
FROM sop_langkah l
WHERE l.sop_id IN (SELECT DISTINCT sop_id FROM sop_run WHERE id = ANY($run_ids));
