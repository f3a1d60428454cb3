-- The SOP run of a workflow object ($1 objek, $2 objek_id), if it has one.
SELECT id FROM sop_run WHERE objek = $1 AND objek_id = $2;
