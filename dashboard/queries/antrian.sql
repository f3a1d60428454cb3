-- Submissions waiting in the statuses $status (list), limited to instansi $instansi_id (NULL = all), with the
-- submitter's full name.
SELECT s.id, s.status, s.status_sejak, s.diajukan_oleh,
       coalesce(g.nama, s.diajukan_oleh) AS diajukan_oleh_nama, s.diajukan_pada, s.terlambat,
       p.tahun, p.triwulan, p.tenggat, u.id AS unit_id, u.nama AS unit, i.nama AS instansi
FROM pengajuan s
JOIN periode p ON p.id = s.periode_id
JOIN unit u ON u.id = s.unit_id
JOIN instansi i ON i.id = p.instansi_id
LEFT JOIN pengguna g ON g.username = s.diajukan_oleh
WHERE s.status = ANY($status) AND (CAST($instansi_id AS INTEGER) IS NULL OR p.instansi_id = $instansi_id)
ORDER BY s.status_sejak;
