-- Renstra targets of indicator $1, one row per year of the period.
SELECT tahun, nilai, nilai_atas FROM target_renstra WHERE indikator_id = $1 ORDER BY tahun;
