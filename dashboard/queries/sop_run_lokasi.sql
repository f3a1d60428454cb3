-- Instansi, unit and SOP revision of a run ($run_id).
SELECT instansi_id, unit_id, sop_id FROM sop_run WHERE id = $run_id;
