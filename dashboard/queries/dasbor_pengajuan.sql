-- Submissions of every unit of instansi $1 for one period ($2 tahun, $3 triwulan), optionally
-- one unit ($4, NULL = all): status, when submitted, late flag, due date, how many of the
-- unit's active indicators have a value for the quarter, and the submission's last review step
-- (a step back is a return: its reason, who and when). $5: the draft state (dashboard/review/alur.py).
WITH u AS (
    SELECT id, kode, nama FROM unit
    WHERE instansi_id = $1 AND aktif AND (CAST($4 AS INTEGER) IS NULL OR id = $4)
), isi AS (
    SELECT i.unit_id, count(*) AS indikator, count(r.nilai) AS terisi
    FROM indikator i
    LEFT JOIN realisasi r ON r.indikator_id = i.id AND r.tahun = $2 AND r.triwulan = $3
    WHERE i.instansi_id = $1 AND i.aktif AND (CAST($4 AS INTEGER) IS NULL OR i.unit_id = $4)
    GROUP BY i.unit_id
), p AS (
    SELECT id, tenggat FROM periode WHERE instansi_id = $1 AND tahun = $2 AND triwulan = $3
), akhir AS (
    -- the last transition's own values (a NULL note stays NULL, not an earlier step's note)
    SELECT DISTINCT ON (e.objek_id) e.objek_id,
           e.dari AS akhir_dari, e.ke AS akhir_ke, e.pengguna AS akhir_oleh,
           e.peran AS akhir_peran, e.waktu AS akhir_pada, e.catatan AS akhir_catatan
    FROM event e
    WHERE e.objek = 'pengajuan' AND e.jenis = 'transisi'
      AND e.objek_id IN (SELECT CAST(s.id AS VARCHAR) FROM pengajuan s JOIN p ON s.periode_id = p.id)
    ORDER BY e.objek_id, e.id DESC
)
SELECT u.id AS unit_id, u.kode AS unit_kode, u.nama AS unit, p.id AS periode_id, p.tenggat,
       s.id AS pengajuan_id, coalesce(s.status, $5) AS status, s.diajukan_oleh,
       s.diajukan_pada, coalesce(s.terlambat, FALSE) AS terlambat,
       coalesce(isi.indikator, 0) AS indikator, coalesce(isi.terisi, 0) AS terisi,
       akhir.akhir_dari, akhir.akhir_ke, coalesce(g.nama, akhir.akhir_oleh) AS akhir_oleh,
       akhir.akhir_peran, akhir.akhir_pada, akhir.akhir_catatan
FROM u
LEFT JOIN p ON TRUE
LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = u.id
LEFT JOIN isi ON isi.unit_id = u.id
LEFT JOIN akhir ON akhir.objek_id = CAST(s.id AS VARCHAR)
LEFT JOIN pengguna g ON g.username = akhir.akhir_oleh
ORDER BY u.kode;
