-- Plan import: new tujuan nodes from the staged rows (_baris: induk_id = instansi_id, kode, nama);
-- returns each new id with its kode.
INSERT INTO tujuan (instansi_id, kode, uraian)
SELECT b.induk_id, b.kode, b.nama FROM _baris AS b
RETURNING id, kode;
