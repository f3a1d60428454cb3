-- The request letters of instansi $1, newest period first.
SELECT s.periode_id, s.nomor, s.tanggal, p.tahun, p.triwulan
FROM surat_permintaan s
JOIN periode p ON p.id = s.periode_id
WHERE s.instansi_id = $1
ORDER BY p.tahun DESC, p.triwulan DESC;
