-- Every step of every SOP's latest revision with its waktu text and parsed / manual values.
WITH akhir AS (SELECT kode, max(revisi) AS revisi FROM sop GROUP BY kode)
SELECT s.id AS sop_id, s.kode, s.nama, l.urutan, l.no, l.aktivitas, l.waktu, l.waktu_basis,
       l.manual_hari, l.manual_menit, l.manual_basis
FROM sop s
JOIN akhir a ON a.kode = s.kode AND a.revisi = s.revisi
JOIN sop_langkah l ON l.sop_id = s.id
ORDER BY s.nama, l.urutan;
