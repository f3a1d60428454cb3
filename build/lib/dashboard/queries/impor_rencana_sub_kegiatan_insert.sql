-- Plan import: new sub_kegiatan nodes from the staged rows (_baris: induk_id = kegiatan_id, kode, nama);
-- returns each new id with its kode.
INSERT INTO sub_kegiatan (kegiatan_id, kode, nama)
SELECT b.induk_id, b.kode, b.nama FROM _baris AS b
RETURNING id, kode;
