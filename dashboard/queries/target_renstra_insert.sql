-- Renstra target of indicator $indikator_id for year $tahun ($nilai_atas set: a range).
INSERT INTO target_renstra (indikator_id, tahun, nilai, nilai_atas) VALUES ($indikator_id, $tahun, $nilai, $nilai_atas);
