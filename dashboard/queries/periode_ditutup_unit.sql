-- Closed periods of instansi $instansi_id that unit $unit_id has not submitted and that are not reopened for
-- it: those where it holds a draft (state $status_draf, dashboard/review/alur.py), and the latest closed period when it entered nothing
-- there. With the unit's latest reopen request for each (NULL when none).
WITH p AS (
    SELECT id, tahun, triwulan, tenggat, ditutup_pada,
           row_number() OVER (ORDER BY tahun DESC, triwulan DESC) AS urut
    FROM periode
    WHERE instansi_id = $instansi_id AND status = 'ditutup'
), m AS (
    SELECT *, row_number() OVER (PARTITION BY periode_id ORDER BY pada DESC, id DESC) AS baru
    FROM permintaan_buka
    WHERE unit_id = $unit_id
)
SELECT p.id, p.tahun, p.triwulan, p.tenggat, p.ditutup_pada, s.id AS pengajuan_id,
       m.id AS permintaan_id, m.status AS permintaan_status, m.pada AS permintaan_pada,
       m.alasan AS permintaan_alasan, m.jawaban AS permintaan_jawaban,
       m.diproses_oleh AS permintaan_diproses_oleh
FROM p
LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = $unit_id
LEFT JOIN m ON m.periode_id = p.id AND m.baru = 1
WHERE (s.status = $status_draf OR (s.id IS NULL AND p.urut = 1))
  AND NOT EXISTS (SELECT 1 FROM periode_dibuka_unit d
                  WHERE d.periode_id = p.id AND d.unit_id = $unit_id AND d.aktif)
ORDER BY p.tahun DESC, p.triwulan DESC;
