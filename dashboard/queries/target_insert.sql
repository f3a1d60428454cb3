-- One target: indicator $indikator_id, year $tahun, quarter $triwulan (0 = annual), value $nilai, upper bound $nilai_atas (range).
INSERT INTO target VALUES ($indikator_id, $tahun, $triwulan, $nilai, $nilai_atas);
