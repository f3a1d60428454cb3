-- The run of procedure $1 that follows object $2 / $3 (kunci), if it has one.
SELECT id FROM sop_run WHERE prosedur = $1 AND objek = $2 AND kunci = $3;
