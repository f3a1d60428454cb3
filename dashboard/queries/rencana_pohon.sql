-- Planning tree of instansi $instansi_id: every node of the five levels (tujuan -> sasaran -> program ->
-- kegiatan -> sub kegiatan) with its parent, owner unit and active flag, and what hangs on it
-- (indicators, budget rows), so a node with data is retired, never deleted.
WITH t AS (SELECT * FROM tujuan WHERE instansi_id = $instansi_id),
s AS (SELECT s.* FROM sasaran s JOIN t ON t.id = s.tujuan_id),
p AS (SELECT p.* FROM program p JOIN s ON s.id = p.sasaran_id),
k AS (SELECT k.* FROM kegiatan k JOIN p ON p.id = k.program_id),
sk AS (SELECT sk.* FROM sub_kegiatan sk JOIN k ON k.id = sk.kegiatan_id),
node AS (
    SELECT 'Tujuan' AS tingkat, 1 AS urut, id, kode, uraian AS nama,
           CAST(NULL AS INTEGER) AS induk_id, CAST(NULL AS INTEGER) AS unit_id,
           coalesce(aktif, TRUE) AS aktif
    FROM t
    UNION ALL
    SELECT 'Sasaran', 2, id, kode, uraian, tujuan_id, NULL, coalesce(aktif, TRUE) FROM s
    UNION ALL
    SELECT 'Program', 3, id, kode, nama, sasaran_id, NULL, coalesce(aktif, TRUE) FROM p
    UNION ALL
    SELECT 'Kegiatan', 4, id, kode, nama, program_id, unit_id, coalesce(aktif, TRUE) FROM k
    UNION ALL
    SELECT 'Sub Kegiatan', 5, id, kode, nama, kegiatan_id, unit_id, coalesce(aktif, TRUE) FROM sk
),
ind AS (
    SELECT CASE WHEN tujuan_id IS NOT NULL THEN 'Tujuan'
                WHEN sasaran_id IS NOT NULL THEN 'Sasaran'
                WHEN program_id IS NOT NULL THEN 'Program'
                WHEN kegiatan_id IS NOT NULL THEN 'Kegiatan'
                WHEN sub_kegiatan_id IS NOT NULL THEN 'Sub Kegiatan' END AS tingkat,
           coalesce(tujuan_id, sasaran_id, program_id, kegiatan_id, sub_kegiatan_id) AS node_id,
           count(*) AS n
    FROM indikator
    WHERE instansi_id = $instansi_id
    GROUP BY 1, 2
),
ang AS (
    SELECT sub_kegiatan_id, count(*) AS n
    FROM (SELECT sub_kegiatan_id FROM anggaran
          UNION ALL SELECT sub_kegiatan_id FROM realisasi_anggaran) AS a
    GROUP BY sub_kegiatan_id
)
SELECT node.tingkat, node.id, node.kode, node.nama, node.induk_id, node.unit_id, node.aktif,
       coalesce(ind.n, 0) AS n_indikator,
       CASE WHEN node.tingkat = 'Sub Kegiatan' THEN coalesce(ang.n, 0) ELSE 0 END AS n_anggaran
FROM node
LEFT JOIN ind ON ind.tingkat = node.tingkat AND ind.node_id = node.id
LEFT JOIN ang ON node.tingkat = 'Sub Kegiatan' AND ang.sub_kegiatan_id = node.id
ORDER BY node.urut, node.kode;
