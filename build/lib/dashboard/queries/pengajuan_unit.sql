-- The submission of unit $2 for period $1 (id and status); no row before the first save.
SELECT id, status FROM pengajuan WHERE periode_id = $1 AND unit_id = $2;
