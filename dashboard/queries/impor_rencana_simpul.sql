-- Plan import: every planning node of instansi $instansi_id with its level, code, name and parent id.
WITH t AS (SELECT id, kode, uraian FROM tujuan WHERE instansi_id = $instansi_id),
s AS (SELECT s.id, s.kode, s.uraian, s.tujuan_id FROM sasaran s JOIN t ON t.id = s.tujuan_id),
p AS (SELECT p.id, p.kode, p.nama, p.sasaran_id FROM program p JOIN s ON s.id = p.sasaran_id),
k AS (SELECT k.id, k.kode, k.nama, k.program_id FROM kegiatan k JOIN p ON p.id = k.program_id),
sk AS (
    SELECT x.id, x.kode, x.nama, x.kegiatan_id
    FROM sub_kegiatan x JOIN k ON k.id = x.kegiatan_id
)
SELECT 'Tujuan' AS tingkat, id, kode, uraian AS nama, NULL::INTEGER AS induk_id FROM t
UNION ALL SELECT 'Sasaran', id, kode, uraian, tujuan_id FROM s
UNION ALL SELECT 'Program', id, kode, nama, sasaran_id FROM p
UNION ALL SELECT 'Kegiatan', id, kode, nama, program_id FROM k
UNION ALL SELECT 'Sub Kegiatan', id, kode, nama, kegiatan_id FROM sk;
