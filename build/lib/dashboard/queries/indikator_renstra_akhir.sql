-- The Renstra end target of indicator $2 ($1): the reports' "target akhir Renstra" follows the
-- last year of the per-year Renstra targets.
UPDATE indikator SET target_renstra = $1 WHERE id = $2;
