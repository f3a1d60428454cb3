-- Renstra targets of indicator $indikator_id, one row per year of the period.
SELECT tahun, nilai, nilai_atas FROM target_renstra WHERE indikator_id = $indikator_id ORDER BY tahun;
