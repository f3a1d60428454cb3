-- Participants of a meeting ($1) in the order typed, with their unit's name.
SELECT p.urutan, p.nama, p.jabatan, p.unit_id, u.nama AS unit
FROM rapat_peserta p LEFT JOIN unit u ON u.id = p.unit_id
WHERE p.rapat_id = $1
ORDER BY p.urutan;
