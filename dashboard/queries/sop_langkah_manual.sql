-- The manual mutu baku of step $5 of SOP revision $4: days $1, minutes $2, basis $3 (NULL: parsed).
UPDATE sop_langkah SET manual_hari = $1, manual_menit = $2, manual_basis = $3
WHERE sop_id = $4 AND urutan = $5;
