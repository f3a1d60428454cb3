-- The submission of unit $unit_id for period $periode_id (id and status); no row before the first save.
SELECT id, status FROM pengajuan WHERE periode_id = $periode_id AND unit_id = $unit_id;
