-- Reports: the Renstra target of every year of the period (target_renstra) of the active
-- indicators of an instansi ($instansi_id); nilai_atas set: a range target.
SELECT tr.indikator_id, tr.tahun, tr.nilai, tr.nilai_atas
FROM target_renstra tr
JOIN indikator i ON i.id = tr.indikator_id
WHERE i.instansi_id = $instansi_id AND i.aktif
ORDER BY tr.indikator_id, tr.tahun;
