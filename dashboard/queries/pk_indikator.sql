-- Perjanjian Kinerja: the active indicators of an instansi ($instansi_id) in the agreement (jenis IKU or
-- flagged PK) with the sasaran (or tujuan) they serve and their targets of a year ($tahun):
-- triwulan 0 the annual PK target, 1..4 the Rencana Aksi quarters (nilai_atas: a range).
WITH ind AS (
    SELECT i.id, i.kode, i.nama, i.satuan, i.jenis, coalesce(i.pk, FALSE) AS pk,
           i.cara_agregasi, i.polaritas,
           s.kode AS sasaran_kode, s.uraian AS sasaran_uraian,
           t.kode AS tujuan_kode, t.uraian AS tujuan_uraian,
           p.kode AS program_kode
    FROM indikator i
    LEFT JOIN sub_kegiatan sk ON sk.id = i.sub_kegiatan_id
    LEFT JOIN kegiatan k ON k.id = coalesce(i.kegiatan_id, sk.kegiatan_id)
    LEFT JOIN program p ON p.id = coalesce(i.program_id, k.program_id)
    LEFT JOIN sasaran s ON s.id = coalesce(i.sasaran_id, p.sasaran_id)
    LEFT JOIN tujuan t ON t.id = coalesce(i.tujuan_id, s.tujuan_id)
    WHERE i.instansi_id = $instansi_id AND i.aktif AND (i.jenis = 'IKU' OR coalesce(i.pk, FALSE))
), tg AS (
    SELECT indikator_id,
           max(CASE WHEN triwulan = 0 THEN nilai END)      AS t0,
           max(CASE WHEN triwulan = 0 THEN nilai_atas END) AS t0_atas,
           max(CASE WHEN triwulan = 1 THEN nilai END)      AS t1,
           max(CASE WHEN triwulan = 2 THEN nilai END)      AS t2,
           max(CASE WHEN triwulan = 3 THEN nilai END)      AS t3,
           max(CASE WHEN triwulan = 4 THEN nilai END)      AS t4,
           max(CASE WHEN triwulan = 1 THEN nilai_atas END) AS t1_atas,
           max(CASE WHEN triwulan = 2 THEN nilai_atas END) AS t2_atas,
           max(CASE WHEN triwulan = 3 THEN nilai_atas END) AS t3_atas,
           max(CASE WHEN triwulan = 4 THEN nilai_atas END) AS t4_atas
    FROM target
    WHERE tahun = $tahun AND indikator_id IN (SELECT id FROM ind)
    GROUP BY indikator_id
)
SELECT ind.*, tg.t0, tg.t0_atas, tg.t1, tg.t2, tg.t3, tg.t4,
       tg.t1_atas, tg.t2_atas, tg.t3_atas, tg.t4_atas
FROM ind
JOIN tg ON tg.indikator_id = ind.id
WHERE tg.t0 IS NOT NULL
ORDER BY coalesce(ind.sasaran_kode, ind.tujuan_kode), ind.jenis <> 'IKU', ind.program_kode NULLS FIRST,
         ind.kode;
