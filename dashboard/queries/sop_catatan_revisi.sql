-- The note of an SOP revision ($2 id): what changed ($1, NULL = none).
UPDATE sop SET catatan_revisi = $1 WHERE id = $2;
