-- Is a correction of indicator $1, year $2, quarter $3 still in progress, in one of the review
-- states $4 (dashboard/review/alur.py DIPERIKSA)? (rows if so)
SELECT 1 AS ada FROM perbaikan
WHERE indikator_id = $1 AND tahun = $2 AND triwulan = $3
  AND status = ANY($4);
