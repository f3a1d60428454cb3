-- Active units of an instansi ($instansi_id) and their submission for the period ($tahun tahun, $triwulan triwulan):
-- status NULL when nothing was started; no rows when the period was never opened.
SELECT u.id AS unit_id, u.kode, u.nama, s.status, s.terlambat, s.diajukan_pada, p.tenggat
FROM unit u
JOIN periode p ON p.instansi_id = u.instansi_id AND p.tahun = $tahun AND p.triwulan = $triwulan
LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = u.id
WHERE u.instansi_id = $instansi_id AND u.aktif
ORDER BY u.kode;
