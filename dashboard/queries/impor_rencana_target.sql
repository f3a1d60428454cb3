-- Plan import: every annual (triwulan 0) and quarterly target of the indicators of instansi $instansi_id.
SELECT t.indikator_id, t.tahun, t.triwulan, t.nilai, t.nilai_atas
FROM target t JOIN indikator i ON i.id = t.indikator_id
WHERE i.instansi_id = $instansi_id;
