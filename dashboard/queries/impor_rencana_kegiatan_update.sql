-- Plan import: staged kegiatan nodes (_baris: id, induk_id = program_id, nama) take their new name and
-- parent (a move).
UPDATE kegiatan SET program_id = b.induk_id, nama = b.nama
FROM _baris AS b
WHERE kegiatan.id = b.id;
