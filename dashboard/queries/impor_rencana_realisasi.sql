-- Plan import: every realisation of the indicators of instansi $instansi_id.
SELECT r.indikator_id, r.tahun, r.triwulan, r.nilai, r.catatan
FROM realisasi r JOIN indikator i ON i.id = r.indikator_id
WHERE i.instansi_id = $instansi_id;
