-- Submissions of every unit of instansi $1 for one period ($2 tahun, $3 triwulan), optionally
-- one unit ($4, NULL = all): status, when submitted, late flag, due date, and how many of the
-- unit's active indicators have a value for the quarter (complete when all do).
WITH u AS (
    SELECT id, kode, nama FROM unit
    WHERE instansi_id = $1 AND aktif AND ($4 IS NULL OR id = $4)
), isi AS (
    SELECT i.unit_id, count(*) AS indikator, count(r.nilai) AS terisi
    FROM indikator i
    LEFT JOIN realisasi r ON r.indikator_id = i.id AND r.tahun = $2 AND r.triwulan = $3
    WHERE i.instansi_id = $1 AND i.aktif AND ($4 IS NULL OR i.unit_id = $4)
    GROUP BY i.unit_id
)
SELECT u.id AS unit_id, u.kode AS unit_kode, u.nama AS unit, p.id AS periode_id, p.tenggat,
       s.id AS pengajuan_id, coalesce(s.status, 'draf') AS status, s.diajukan_oleh,
       s.diajukan_pada, coalesce(s.terlambat, FALSE) AS terlambat,
       coalesce(isi.indikator, 0) AS indikator, coalesce(isi.terisi, 0) AS terisi
FROM u
LEFT JOIN periode p ON p.instansi_id = $1 AND p.tahun = $2 AND p.triwulan = $3
LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = u.id
LEFT JOIN isi ON isi.unit_id = u.id
ORDER BY u.kode;
