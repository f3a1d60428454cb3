-- The mapping from SOP steps to workflow transitions.
SELECT sop_kode, urutan, objek, mulai, selesai FROM sop_pemetaan ORDER BY sop_kode, urutan;
