-- The exported data of a period (instansi $instansi_id, period $periode_id) confirmed as entered into e-Kinerja
-- by $username at $dientri_pada with note $catatan; only once.
UPDATE ekinerja SET dientri_oleh = $username, dientri_pada = $dientri_pada, catatan = $catatan
WHERE instansi_id = $instansi_id AND periode_id = $periode_id AND dientri_pada IS NULL
RETURNING periode_id;
