-- Submissions of instansi $1, optionally one unit ($2) and one period ($3).
SELECT s.id, p.tahun, p.triwulan, p.tenggat, u.id AS unit_id, u.nama AS unit, s.status,
       s.status_sejak, s.diajukan_oleh, s.diajukan_pada, s.terlambat
FROM pengajuan s
JOIN periode p ON p.id = s.periode_id
JOIN unit u ON u.id = s.unit_id
WHERE p.instansi_id = $1 AND ($2 IS NULL OR s.unit_id = $2) AND ($3 IS NULL OR p.id = $3)
ORDER BY p.tahun DESC, p.triwulan DESC, u.kode;
