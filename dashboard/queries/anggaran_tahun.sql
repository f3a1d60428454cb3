-- Budget table of instansi $instansi_id for year $tahun: every sub kegiatan (with its kegiatan, program and
-- unit penanggung jawab) with its pagu and the spending of each quarter (NULL = not entered).
WITH ra AS (
    SELECT sub_kegiatan_id,
           max(CASE WHEN triwulan = 1 THEN nilai END) AS rp1,
           max(CASE WHEN triwulan = 2 THEN nilai END) AS rp2,
           max(CASE WHEN triwulan = 3 THEN nilai END) AS rp3,
           max(CASE WHEN triwulan = 4 THEN nilai END) AS rp4
    FROM realisasi_anggaran
    WHERE tahun = $tahun
    GROUP BY sub_kegiatan_id
)
SELECT sk.id AS sub_kegiatan_id, sk.kode, sk.nama, k.kode AS kegiatan_kode,
       k.nama AS kegiatan_nama, p.kode AS program_kode, u.nama AS unit,
       coalesce(sk.aktif, TRUE) AS aktif, a.pagu, ra.rp1, ra.rp2, ra.rp3, ra.rp4
FROM sub_kegiatan sk
JOIN kegiatan k ON k.id = sk.kegiatan_id
JOIN program p ON p.id = k.program_id
JOIN sasaran s ON s.id = p.sasaran_id
JOIN tujuan t ON t.id = s.tujuan_id
LEFT JOIN unit u ON u.id = coalesce(sk.unit_id, k.unit_id)
LEFT JOIN anggaran a ON a.sub_kegiatan_id = sk.id AND a.tahun = $tahun
LEFT JOIN ra ON ra.sub_kegiatan_id = sk.id
WHERE t.instansi_id = $instansi_id
ORDER BY sk.kode;
