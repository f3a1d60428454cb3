-- Targets of one indicator ($1) and year ($2): triwulan 0 = annual.
SELECT triwulan, nilai, nilai_atas FROM target
WHERE indikator_id = $1 AND tahun = $2
ORDER BY triwulan;
