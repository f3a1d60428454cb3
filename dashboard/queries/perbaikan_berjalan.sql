-- Is a correction of indicator $indikator_id, year $tahun, quarter $triwulan still in progress, in one of the review
-- states $status_diperiksa (dashboard/review/alur.py DIPERIKSA)? (rows if so)
SELECT 1 AS ada FROM perbaikan
WHERE indikator_id = $indikator_id AND tahun = $tahun AND triwulan = $triwulan
  AND status = ANY($status_diperiksa);
