-- Years that have targets for an instansi ($instansi_id), newest first.
SELECT DISTINCT t.tahun
FROM target t
JOIN indikator i ON i.id = t.indikator_id
WHERE i.instansi_id = $instansi_id
ORDER BY t.tahun DESC;
