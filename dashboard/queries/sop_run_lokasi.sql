-- Instansi, unit and SOP revision of a run ($1).
SELECT instansi_id, unit_id, sop_id FROM sop_run WHERE id = $1;
