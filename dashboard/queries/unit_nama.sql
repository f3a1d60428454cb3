-- The names of a unit ($unit_id) and of its instansi (for the Excel template's heading).
SELECT u.nama AS unit, i.nama AS instansi FROM unit u JOIN instansi i ON i.id = u.instansi_id WHERE u.id = $unit_id;
