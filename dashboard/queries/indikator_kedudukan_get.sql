-- The plan node columns and PK flag of indicator $indikator_id, as stored.
SELECT tujuan_id, sasaran_id, program_id, kegiatan_id, sub_kegiatan_id, coalesce(pk, FALSE) AS pk
FROM indikator WHERE id = $indikator_id;
