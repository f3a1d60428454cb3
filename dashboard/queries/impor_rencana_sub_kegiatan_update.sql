-- Plan import: staged sub_kegiatan nodes (_baris: id, induk_id = kegiatan_id, nama) take their new name and
-- parent (a move).
UPDATE sub_kegiatan SET kegiatan_id = b.induk_id, nama = b.nama
FROM _baris AS b
WHERE sub_kegiatan.id = b.id;
