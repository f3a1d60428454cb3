-- The SOP run of a workflow object ($objek objek, $objek_id objek_id), if it has one.
SELECT id FROM sop_run WHERE objek = $objek AND objek_id = $objek_id;
