-- Submissions of every unit of instansi $instansi_id for one period ($tahun tahun, $triwulan triwulan), optionally
-- one unit ($lingkup, NULL = all): status, when submitted, late flag, due date, how many of the
-- unit's active indicators have a value for the quarter, and the submission's last review step
-- (a step back is a return: its reason, who and when). $status_draf: the draft state (dashboard/review/alur.py).
WITH u AS (
    SELECT id, kode, nama FROM unit
    WHERE instansi_id = $instansi_id AND aktif AND (CAST($lingkup AS INTEGER) IS NULL OR id = $lingkup)
), isi AS (
    SELECT i.unit_id, count(*) AS indikator, count(r.nilai) AS terisi
    FROM indikator i
    LEFT JOIN realisasi r ON r.indikator_id = i.id AND r.tahun = $tahun AND r.triwulan = $triwulan
    WHERE i.instansi_id = $instansi_id AND i.aktif AND (CAST($lingkup AS INTEGER) IS NULL OR i.unit_id = $lingkup)
    GROUP BY i.unit_id
), p AS (
    SELECT id, tenggat FROM periode WHERE instansi_id = $instansi_id AND tahun = $tahun AND triwulan = $triwulan
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
       s.id AS pengajuan_id, coalesce(s.status, $status_draf) AS status, s.diajukan_oleh,
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
