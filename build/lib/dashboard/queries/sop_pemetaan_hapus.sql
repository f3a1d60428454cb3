-- Remove the step-to-event mapping of an SOP kode ($1), before writing the new one.
DELETE FROM sop_pemetaan WHERE sop_kode = $1;
