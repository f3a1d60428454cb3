-- Agenda items of a meeting ($1) in order.
SELECT urutan, jenis, uraian, sumber, objek, objek_id
FROM rapat_agenda WHERE rapat_id = $1 ORDER BY urutan;
