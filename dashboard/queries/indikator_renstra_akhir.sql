-- The Renstra end target of indicator $indikator_id ($target_renstra): the reports' "target akhir Renstra" follows the
-- last year of the per-year Renstra targets.
UPDATE indikator SET target_renstra = $target_renstra WHERE id = $indikator_id;
