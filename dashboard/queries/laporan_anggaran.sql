-- Reports: the programs, kegiatan and sub kegiatan of an instansi ($instansi_id) with the pagu and the
-- spending per quarter of a year ($tahun) per sub kegiatan, optionally only one unit's sub kegiatan
-- ($lingkup, NULL = all). Rupiah roll up from here; percentages are computed, never summed.
WITH ra AS (
    SELECT sub_kegiatan_id,
           sum(CASE WHEN triwulan = 1 THEN nilai END) AS rp1,
           sum(CASE WHEN triwulan = 2 THEN nilai END) AS rp2,
           sum(CASE WHEN triwulan = 3 THEN nilai END) AS rp3,
           sum(CASE WHEN triwulan = 4 THEN nilai END) AS rp4
    FROM realisasi_anggaran
    WHERE tahun = $tahun
    GROUP BY sub_kegiatan_id
)
SELECT s.id AS sasaran_id, s.kode AS sasaran_kode, s.uraian AS sasaran_uraian,
       p.id AS program_id, p.kode AS program_kode, p.nama AS program_nama,
       k.id AS kegiatan_id, k.kode AS kegiatan_kode, k.nama AS kegiatan_nama,
       sk.id AS sub_kegiatan_id, sk.kode AS sub_kegiatan_kode, sk.nama AS sub_kegiatan_nama,
       coalesce(sk.unit_id, k.unit_id) AS unit_id,
       a.pagu, ra.rp1, ra.rp2, ra.rp3, ra.rp4
FROM sub_kegiatan sk
JOIN kegiatan k ON k.id = sk.kegiatan_id
JOIN program p ON p.id = k.program_id
JOIN sasaran s ON s.id = p.sasaran_id
JOIN tujuan t ON t.id = s.tujuan_id
LEFT JOIN anggaran a ON a.sub_kegiatan_id = sk.id AND a.tahun = $tahun
LEFT JOIN ra ON ra.sub_kegiatan_id = sk.id
WHERE t.instansi_id = $instansi_id AND (CAST($lingkup AS INTEGER) IS NULL OR coalesce(sk.unit_id, k.unit_id) = $lingkup)
ORDER BY p.kode, k.kode, sk.kode;
