-- Plan import: insert or replace the staged pagu (_baris: sub_kegiatan_id, tahun, nilai).
INSERT INTO anggaran (sub_kegiatan_id, tahun, pagu)
SELECT b.sub_kegiatan_id, b.tahun, b.nilai FROM _baris AS b
ON CONFLICT (sub_kegiatan_id, tahun) DO UPDATE SET pagu = excluded.pagu;
