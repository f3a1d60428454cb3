-- Remove an earlier reopening of period $periode_id for unit $unit_id, before writing the new one.
DELETE FROM periode_dibuka_unit WHERE periode_id = $periode_id AND unit_id = $unit_id;
