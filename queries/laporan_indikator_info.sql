-- Reports: where each active indicator of an instansi ($1; unit $2, NULL = all) sits in the
-- planning hierarchy (its own level, and the sasaran, program, kegiatan and sub kegiatan above
-- it), with the Renstra end target.
SELECT i.id,
       i.target_renstra,
       i.baseline,
       CASE WHEN i.sub_kegiatan_id IS NOT NULL THEN 'sub kegiatan'
            WHEN i.kegiatan_id IS NOT NULL THEN 'kegiatan'
            WHEN i.program_id IS NOT NULL THEN 'program'
            WHEN i.sasaran_id IS NOT NULL THEN 'sasaran' END AS tingkat,
       s.id AS sasaran_id, s.kode AS sasaran_kode, s.uraian AS sasaran_uraian,
       p.id AS program_id, k.id AS kegiatan_id, sk.id AS sub_kegiatan_id
FROM indikator i
LEFT JOIN sub_kegiatan sk ON sk.id = i.sub_kegiatan_id
LEFT JOIN kegiatan k ON k.id = coalesce(i.kegiatan_id, sk.kegiatan_id)
LEFT JOIN program p ON p.id = coalesce(i.program_id, k.program_id)
LEFT JOIN sasaran s ON s.id = coalesce(i.sasaran_id, p.sasaran_id)
WHERE i.instansi_id = $1 AND i.aktif AND ($2 IS NULL OR i.unit_id = $2);
