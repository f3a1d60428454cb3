-- Years that have targets for an instansi ($1), newest first.
SELECT DISTINCT t.tahun
FROM target t
JOIN indikator i ON i.id = t.indikator_id
WHERE i.instansi_id = $1
ORDER BY t.tahun DESC;
