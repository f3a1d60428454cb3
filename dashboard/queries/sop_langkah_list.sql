-- Steps of one SOP revision ($sop_id) in document order, with parsed and manual standards.
SELECT urutan, no, aktivitas, pelaksana, kelengkapan, waktu, output, keterangan, waktu_hari,
       waktu_menit, waktu_basis, manual_hari, manual_menit, manual_basis
FROM sop_langkah WHERE sop_id = $sop_id ORDER BY urutan;
