-- The instansi of a unit ($1).
SELECT instansi_id FROM unit WHERE id = $1;
