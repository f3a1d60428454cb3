-- Every SOP at its latest revision, with step and revision counts.
WITH akhir AS (SELECT kode, max(revisi) AS revisi, count(*) AS jumlah_revisi FROM sop GROUP BY kode)
SELECT s.id, s.kode, s.revisi, a.jumlah_revisi, s.nomor, s.nama, s.instansi, s.tanggal_efektif,
       s.dimuat_pada, (SELECT count(*) FROM sop_langkah l WHERE l.sop_id = s.id) AS langkah
FROM sop s
JOIN akhir a ON a.kode = s.kode AND a.revisi = s.revisi
ORDER BY s.instansi, s.nama;
