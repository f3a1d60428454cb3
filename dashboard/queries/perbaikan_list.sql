-- Correction requests of instansi $instansi_id, optionally one unit ($lingkup), newest first, with the
-- requester's full name.
SELECT f.id, f.tahun, f.triwulan, f.indikator_id, i.kode, i.nama AS indikator, i.satuan,
       u.id AS unit_id, u.nama AS unit, f.nilai_lama, f.nilai_baru, f.alasan, f.bukti, f.status,
       f.diajukan_oleh, coalesce(g.nama, f.diajukan_oleh) AS diajukan_oleh_nama,
       f.diajukan_pada, f.status_sejak
FROM perbaikan f
JOIN indikator i ON i.id = f.indikator_id
JOIN unit u ON u.id = i.unit_id
LEFT JOIN pengguna g ON g.username = f.diajukan_oleh
WHERE i.instansi_id = $instansi_id AND (CAST($lingkup AS INTEGER) IS NULL OR i.unit_id = $lingkup)
ORDER BY f.diajukan_pada DESC;
