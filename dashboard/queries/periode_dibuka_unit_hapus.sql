-- Remove an earlier reopening of period $1 for unit $2, before writing the new one.
DELETE FROM periode_dibuka_unit WHERE periode_id = $1 AND unit_id = $2;
