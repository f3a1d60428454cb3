-- A new (draf) submission of unit $unit_id for period $periode_id; returns its id.
INSERT INTO pengajuan (periode_id, unit_id) VALUES ($periode_id, $unit_id) RETURNING id;
