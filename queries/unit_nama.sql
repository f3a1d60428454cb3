-- The names of a unit ($1) and of its instansi (for the Excel template's heading).
SELECT u.nama, i.nama FROM unit u JOIN instansi i ON i.id = u.instansi_id WHERE u.id = $1;
