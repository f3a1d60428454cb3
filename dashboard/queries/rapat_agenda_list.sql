-- Agenda items of a meeting ($rapat_id) in order.
SELECT urutan, jenis, uraian, sumber, objek, objek_id
FROM rapat_agenda WHERE rapat_id = $rapat_id ORDER BY urutan;
