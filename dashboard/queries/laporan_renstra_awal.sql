-- Renja form E.81: the first year of the Renstra period that holds year $tahun for instansi $instansi_id,
-- read from the per-year Renstra targets (a five-year period: the earliest target year within
-- the four years before $tahun); NULL when no Renstra target is stored.
SELECT min(tr.tahun) AS tahun_awal
FROM target_renstra tr
JOIN indikator i ON i.id = tr.indikator_id
WHERE i.instansi_id = $instansi_id AND tr.tahun BETWEEN CAST($tahun AS INTEGER) - 4 AND $tahun;
