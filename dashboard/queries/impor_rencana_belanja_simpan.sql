-- Plan import: insert or replace the staged quarterly spending (_baris: sub_kegiatan_id, tahun,
-- triwulan, nilai).
INSERT INTO realisasi_anggaran (sub_kegiatan_id, tahun, triwulan, nilai)
SELECT b.sub_kegiatan_id, b.tahun, b.triwulan, b.nilai FROM _baris AS b
ON CONFLICT (sub_kegiatan_id, tahun, triwulan) DO UPDATE SET nilai = excluded.nilai;
