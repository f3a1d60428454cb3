-- One submission with its period and unit ($pengajuan_id id).
SELECT s.id, s.periode_id, s.unit_id, s.status, s.diajukan_oleh, s.diajukan_pada, s.terlambat,
       s.status_sejak, p.instansi_id, p.tahun, p.triwulan, p.tenggat, u.nama, s.versi
FROM pengajuan s
JOIN periode p ON p.id = s.periode_id
JOIN unit u ON u.id = s.unit_id
WHERE s.id = $pengajuan_id;
