-- Plan import: staged tujuan nodes (_baris: id, induk_id = instansi_id, nama) take their new name and
-- parent (a move).
UPDATE tujuan SET instansi_id = b.induk_id, uraian = b.nama
FROM _baris AS b
WHERE tujuan.id = b.id;
