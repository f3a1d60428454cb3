-- Plan import: staged program nodes (_baris: id, induk_id = sasaran_id, nama) take their new name and
-- parent (a move).
UPDATE program SET sasaran_id = b.induk_id, nama = b.nama
FROM _baris AS b
WHERE program.id = b.id;
