-- A new SOP run: SOP revision $1, instansi $2, period $3, unit $4, object $5 / $6; returns its id.
INSERT INTO sop_run (sop_id, instansi_id, periode_id, unit_id, objek, objek_id)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id;
