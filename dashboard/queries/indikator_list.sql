-- Indicators of an instansi ($instansi_id), optionally one unit ($lingkup), with their owner unit, the plan
-- node they hang on (one of the five link columns) and the Perjanjian Kinerja flag.
SELECT i.id, i.kode, i.nama, i.jenis, i.satuan, i.polaritas, i.cara_agregasi, i.rumus_negatif,
       i.boleh_negatif, i.definisi, i.sumber_data, i.baseline, i.target_renstra, i.aktif,
       i.unit_id, u.nama AS unit, coalesce(i.pk, FALSE) AS pk,
       i.tujuan_id, i.sasaran_id, i.program_id, i.kegiatan_id, i.sub_kegiatan_id
FROM indikator i
JOIN unit u ON u.id = i.unit_id
WHERE i.instansi_id = $instansi_id AND (CAST($lingkup AS INTEGER) IS NULL OR i.unit_id = $lingkup)
ORDER BY u.kode, i.kode;
