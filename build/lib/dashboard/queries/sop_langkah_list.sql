-- Steps of one SOP revision ($1) in document order, with parsed and manual standards.
SELECT urutan, no, aktivitas, pelaksana, kelengkapan, waktu, output, keterangan, waktu_hari,
       waktu_menit, waktu_basis, manual_hari, manual_menit, manual_basis
FROM sop_langkah WHERE sop_id = $1 ORDER BY urutan;
