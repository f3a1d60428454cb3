-- Remove the step-to-event mapping of an SOP kode ($kode), before writing the new one.
DELETE FROM sop_pemetaan WHERE sop_kode = $kode;
