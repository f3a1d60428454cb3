-- The manual mutu baku of step $urutan of SOP revision $sop_id: days $hari, minutes $menit, basis $basis (NULL: parsed).
UPDATE sop_langkah SET manual_hari = $hari, manual_menit = $menit, manual_basis = $basis
WHERE sop_id = $sop_id AND urutan = $urutan;
