-- A new (draf) submission of unit $2 for period $1; returns its id.
INSERT INTO pengajuan (periode_id, unit_id) VALUES ($1, $2) RETURNING id;
