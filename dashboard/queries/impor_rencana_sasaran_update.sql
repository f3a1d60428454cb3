-- Plan import: staged sasaran nodes (_baris: id, induk_id = tujuan_id, nama) take their new name and
-- parent (a move).
UPDATE sasaran SET tujuan_id = b.induk_id, uraian = b.nama
FROM _baris AS b
WHERE sasaran.id = b.id;
