-- Plan import: insert the staged targets (_baris: indikator_id, tahun, triwulan, nilai,
-- nilai_atas).
INSERT INTO target (indikator_id, tahun, triwulan, nilai, nilai_atas)
SELECT b.indikator_id, b.tahun, b.triwulan, b.nilai, b.nilai_atas FROM _baris AS b;
