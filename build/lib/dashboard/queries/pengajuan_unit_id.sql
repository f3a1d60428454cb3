-- The submission of period $1 and unit $2, if there is one.
SELECT id FROM pengajuan WHERE periode_id = $1 AND unit_id = $2;
