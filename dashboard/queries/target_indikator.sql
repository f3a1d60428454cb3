-- Targets of one indicator ($indikator_id) and year ($tahun): triwulan 0 = annual.
SELECT triwulan, nilai, nilai_atas FROM target
WHERE indikator_id = $indikator_id AND tahun = $tahun
ORDER BY triwulan;
