-- The submission of period $periode_id and unit $unit_id, if there is one.
SELECT id FROM pengajuan WHERE periode_id = $periode_id AND unit_id = $unit_id;
