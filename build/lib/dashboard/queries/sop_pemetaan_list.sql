-- The step-to-event mapping of every SOP (docs/DOMAIN.md §8.6).
SELECT sop_kode, urutan, cara, mulai_jenis, mulai_objek, mulai_ke, selesai_jenis, selesai_objek,
       selesai_ke
FROM sop_pemetaan ORDER BY sop_kode, urutan;
