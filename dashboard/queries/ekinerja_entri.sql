-- The exported data of a period (instansi $1, period $2) confirmed as entered into e-Kinerja
-- by $3 at $4 with note $5; only once.
UPDATE ekinerja SET dientri_oleh = $3, dientri_pada = $4, catatan = $5
WHERE instansi_id = $1 AND periode_id = $2 AND dientri_pada IS NULL
RETURNING periode_id;
