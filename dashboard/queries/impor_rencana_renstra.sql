-- Plan import: the Renstra target of every year of the indicators of instansi $instansi_id.
SELECT t.indikator_id, t.tahun, t.nilai, t.nilai_atas
FROM target_renstra t JOIN indikator i ON i.id = t.indikator_id
WHERE i.instansi_id = $instansi_id;
