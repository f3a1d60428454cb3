-- Plan import: insert or replace the staged Renstra targets (_baris: indikator_id, tahun, nilai).
INSERT INTO target_renstra (indikator_id, tahun, nilai, nilai_atas)
SELECT b.indikator_id, b.tahun, b.nilai, NULL FROM _baris AS b
ON CONFLICT (indikator_id, tahun) DO UPDATE SET nilai = excluded.nilai, nilai_atas = NULL;
