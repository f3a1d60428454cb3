-- The instansi of a unit ($unit_id).
SELECT instansi_id FROM unit WHERE id = $unit_id;
