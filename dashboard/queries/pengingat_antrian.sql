-- Submissions waiting for a reviewer (one of the states $status_diperiksa, dashboard/review/alur.py DIPERIKSA), with
-- since when.
SELECT s.id AS pengajuan_id, s.status, s.status_sejak, p.instansi_id, p.tahun, p.triwulan,
       u.nama AS unit
FROM pengajuan s
JOIN periode p ON p.id = s.periode_id
JOIN unit u ON u.id = s.unit_id
WHERE s.status = ANY($status_diperiksa)
ORDER BY s.id;
