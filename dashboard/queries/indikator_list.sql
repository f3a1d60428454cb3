-- Indicators of an instansi ($instansi_id), optionally one unit ($lingkup), every column (a new
-- attribute comes along without touching this file) with the owner unit's name: the plan node
-- they hang on (one of the five link columns) and the Perjanjian Kinerja flag among them.
SELECT i.*, u.nama AS unit
FROM indikator i
JOIN unit u ON u.id = i.unit_id
WHERE i.instansi_id = $instansi_id AND (CAST($lingkup AS INTEGER) IS NULL OR i.unit_id = $lingkup)
ORDER BY u.kode, i.kode;
