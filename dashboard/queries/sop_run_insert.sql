-- A new SOP run: SOP revision $1, instansi $2, period $3, unit $4, object $5 / $6 (integer id
-- or NULL), procedure $7, object key $8, year $9, quarter $10, started $11; returns its id.
INSERT INTO sop_run (sop_id, instansi_id, periode_id, unit_id, objek, objek_id, prosedur, kunci,
                     tahun, triwulan, dibuat_pada)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
RETURNING id;
