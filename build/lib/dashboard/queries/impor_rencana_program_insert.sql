-- Plan import: new program nodes from the staged rows (_baris: induk_id = sasaran_id, kode, nama);
-- returns each new id with its kode.
INSERT INTO program (sasaran_id, kode, nama)
SELECT b.induk_id, b.kode, b.nama FROM _baris AS b
RETURNING id, kode;
