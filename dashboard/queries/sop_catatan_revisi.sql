-- The note of an SOP revision ($sop_id id): what changed ($catatan, NULL = none).
UPDATE sop SET catatan_revisi = $catatan WHERE id = $sop_id;
