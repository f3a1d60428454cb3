-- Units of period $periode_id's instansi that have not submitted it (no submission, or still a draft,
-- the state $status_draf of dashboard/review/alur.py; a transition back to it is a return):
-- active units with active indicators, with how many indicators hold a value for the quarter,
-- whether the draft came back from a reviewer, and whether the period is reopened for them.
WITH p AS (
    SELECT id, instansi_id, tahun, triwulan FROM periode WHERE id = $periode_id
), isi AS (
    SELECT i.unit_id, count(*) AS indikator, count(r.nilai) AS terisi
    FROM p
    JOIN indikator i ON i.instansi_id = p.instansi_id AND i.aktif
    LEFT JOIN realisasi r ON r.indikator_id = i.id AND r.tahun = p.tahun
                         AND r.triwulan = p.triwulan
    GROUP BY i.unit_id
)
SELECT u.id AS unit_id, u.kode, u.nama AS unit, s.id AS pengajuan_id,
       isi.indikator, isi.terisi,
       EXISTS (SELECT 1 FROM event e
               WHERE e.objek = 'pengajuan' AND e.objek_id = CAST(s.id AS VARCHAR)
                 AND e.jenis = 'transisi' AND e.ke = $status_draf) AS dikembalikan,
       EXISTS (SELECT 1 FROM periode_dibuka_unit d
               WHERE d.periode_id = p.id AND d.unit_id = u.id AND d.aktif) AS dibuka_kembali
FROM p
JOIN unit u ON u.instansi_id = p.instansi_id AND u.aktif
JOIN isi ON isi.unit_id = u.id
LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = u.id
WHERE coalesce(s.status, $status_draf) = $status_draf
ORDER BY u.kode;
