-- Renstra target of indicator $1 for year $2 ($4 set: a range).
INSERT INTO target_renstra (indikator_id, tahun, nilai, nilai_atas) VALUES ($1, $2, $3, $4);
