-- Participants of a meeting ($rapat_id) in the order typed, with their unit's name.
SELECT p.urutan, p.nama, p.jabatan, p.unit_id, u.nama AS unit
FROM rapat_peserta p LEFT JOIN unit u ON u.id = p.unit_id
WHERE p.rapat_id = $rapat_id
ORDER BY p.urutan;
