-- The request letter of period $periode_id with the period it asks for.
SELECT s.periode_id, s.instansi_id, s.nomor, s.tanggal, s.tujuan, s.dibuat_oleh,
       p.tahun, p.triwulan, p.tenggat, p.catatan
FROM surat_permintaan s
JOIN periode p ON p.id = s.periode_id
WHERE s.periode_id = $periode_id;
