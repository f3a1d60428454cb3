-- Reports: where each active indicator of an instansi ($instansi_id; unit $lingkup, NULL = all) sits in the
-- planning hierarchy (its own level, and the tujuan, sasaran, program, kegiatan and sub kegiatan
-- above it, whatever level it hangs on), with the Renstra end target. A tujuan-level indicator
-- has a tujuan but no sasaran: reports group it under its tujuan.
SELECT i.id, i.pk,
       i.target_renstra,
       i.baseline,
       CASE WHEN i.sub_kegiatan_id IS NOT NULL THEN 'sub kegiatan'
            WHEN i.kegiatan_id IS NOT NULL THEN 'kegiatan'
            WHEN i.program_id IS NOT NULL THEN 'program'
            WHEN i.sasaran_id IS NOT NULL THEN 'sasaran'
            WHEN i.tujuan_id IS NOT NULL THEN 'tujuan' END AS tingkat,
       s.id AS sasaran_id, s.kode AS sasaran_kode, s.uraian AS sasaran_uraian,
       t.id AS tujuan_id, t.kode AS tujuan_kode, t.uraian AS tujuan_uraian,
       p.id AS program_id, k.id AS kegiatan_id, sk.id AS sub_kegiatan_id
FROM indikator i
LEFT JOIN sub_kegiatan sk ON sk.id = i.sub_kegiatan_id
LEFT JOIN kegiatan k ON k.id = coalesce(i.kegiatan_id, sk.kegiatan_id)
LEFT JOIN program p ON p.id = coalesce(i.program_id, k.program_id)
LEFT JOIN sasaran s ON s.id = coalesce(i.sasaran_id, p.sasaran_id)
LEFT JOIN tujuan t ON t.id = coalesce(i.tujuan_id, s.tujuan_id)
WHERE i.instansi_id = $instansi_id AND i.aktif AND (CAST($lingkup AS INTEGER) IS NULL OR i.unit_id = $lingkup);
