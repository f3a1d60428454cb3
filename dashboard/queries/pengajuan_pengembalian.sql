-- The last transition of the submission of unit $unit_id for period $periode_id, with the full name of who
-- made it: the submission was returned to the unit when it went from diajukan to draf.
SELECT s.status, e.waktu, e.pengguna, p.nama, e.peran, e.dari, e.ke, e.catatan
FROM pengajuan s
JOIN event e
  ON e.objek = 'pengajuan' AND e.objek_id = CAST(s.id AS VARCHAR) AND e.jenis = 'transisi'
LEFT JOIN pengguna p ON p.username = e.pengguna
WHERE s.periode_id = $periode_id AND s.unit_id = $unit_id
ORDER BY e.waktu DESC, e.id DESC
LIMIT 1;
