-- Reports: every realisation of an instansi ($instansi_id) and year ($tahun), optionally one unit ($lingkup, NULL =
-- all), with its note and the status of its unit's submission for that quarter (NULL = none).
-- Only a 'disahkan' submission makes a value count in a signed-only report.
-- The submissions are those of the instansi's periods of the year (a handful of periods, read
-- through their unique keys): joined to every submission instead, PostgreSQL hashed the whole
-- pengajuan table (90.400 rows at scale L) for each call.
SELECT r.indikator_id, r.triwulan, r.catatan, s.status
FROM realisasi r
JOIN indikator i ON i.id = r.indikator_id
LEFT JOIN (
    SELECT p.triwulan, s.unit_id, s.status
    FROM periode p
    JOIN pengajuan s ON s.periode_id = p.id
    WHERE p.instansi_id = $instansi_id AND p.tahun = $tahun
) s ON s.triwulan = r.triwulan AND s.unit_id = i.unit_id
WHERE i.instansi_id = $instansi_id AND r.tahun = $tahun AND i.aktif AND (CAST($lingkup AS INTEGER) IS NULL OR i.unit_id = $lingkup)
ORDER BY r.indikator_id, r.triwulan;
