-- Budget of instansi $instansi_id in year $tahun per kegiatan (with its program): pagu, spending up to
-- quarter $triwulan, optionally for one unit ($lingkup, the kegiatan's or sub kegiatan's unit).
SELECT p.id AS program_id, p.kode AS program_kode, p.nama AS program, k.id AS kegiatan_id,
       k.kode AS kegiatan_kode, k.nama AS kegiatan,
       sum(a.pagu) AS pagu,
       sum(coalesce(ra.nilai, 0)) AS realisasi
FROM sub_kegiatan sk
JOIN kegiatan k ON k.id = sk.kegiatan_id
JOIN program p ON p.id = k.program_id
JOIN sasaran s ON s.id = p.sasaran_id
JOIN tujuan tj ON tj.id = s.tujuan_id
JOIN anggaran a ON a.sub_kegiatan_id = sk.id AND a.tahun = $tahun
LEFT JOIN (
    SELECT sub_kegiatan_id, sum(nilai) AS nilai
    FROM realisasi_anggaran
    WHERE tahun = $tahun AND triwulan <= $triwulan
    GROUP BY sub_kegiatan_id
) ra ON ra.sub_kegiatan_id = sk.id
WHERE tj.instansi_id = $instansi_id AND (CAST($lingkup AS INTEGER) IS NULL OR coalesce(sk.unit_id, k.unit_id) = $lingkup)
GROUP BY p.id, p.kode, p.nama, k.id, k.kode, k.nama
ORDER BY p.kode, k.kode;
