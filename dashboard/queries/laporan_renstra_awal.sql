-- Renja form E.81: the first year of the Renstra period that holds year $2 for instansi $1,
-- read from the per-year Renstra targets (a five-year period: the earliest target year within
-- the four years before $2); NULL when no Renstra target is stored.
SELECT min(tr.tahun) AS tahun_awal
FROM target_renstra tr
JOIN indikator i ON i.id = tr.indikator_id
WHERE i.instansi_id = $1 AND tr.tahun BETWEEN CAST($2 AS INTEGER) - 4 AND $2;
