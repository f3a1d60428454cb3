-- Plan import: new sasaran nodes from the staged rows (_baris: induk_id = tujuan_id, kode, nama);
-- returns each new id with its kode.
INSERT INTO sasaran (tujuan_id, kode, uraian)
SELECT b.induk_id, b.kode, b.nama FROM _baris AS b
RETURNING id, kode;
