-- Plan import: each staged indicator's (_kunci: indikator_id) end-of-Renstra target becomes its
-- Renstra target of the latest year (the reports' "target akhir Renstra").
UPDATE indikator
SET target_renstra = (
    SELECT r.nilai FROM target_renstra r WHERE r.indikator_id = indikator.id
    ORDER BY r.tahun DESC LIMIT 1
)
WHERE id IN (SELECT k.indikator_id FROM _kunci AS k);
