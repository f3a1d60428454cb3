-- The request letters of instansi $instansi_id, newest period first.
SELECT s.periode_id, s.nomor, s.tanggal, p.tahun, p.triwulan
FROM surat_permintaan s
JOIN periode p ON p.id = s.periode_id
WHERE s.instansi_id = $instansi_id
ORDER BY p.tahun DESC, p.triwulan DESC;
