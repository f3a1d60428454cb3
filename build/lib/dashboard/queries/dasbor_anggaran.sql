-- Budget of instansi $1 in year $2 per kegiatan (with its program): pagu, spending up to
-- quarter $3, optionally for one unit ($4, the kegiatan's or sub kegiatan's unit).
SELECT p.id AS program_id, p.kode AS program_kode, p.nama AS program, k.id AS kegiatan_id,
       k.kode AS kegiatan_kode, k.nama AS kegiatan,
       sum(a.pagu) AS pagu,
       sum(coalesce(ra.nilai, 0)) AS realisasi
FROM sub_kegiatan sk
JOIN kegiatan k ON k.id = sk.kegiatan_id
JOIN program p ON p.id = k.program_id
JOIN sasaran s ON s.id = p.sasaran_id
JOIN tujuan tj ON tj.id = s.tujuan_id
JOIN anggaran a ON a.sub_kegiatan_id = sk.id AND a.tahun = $2
LEFT JOIN (
    SELECT sub_kegiatan_id, sum(nilai) AS nilai
    FROM realisasi_anggaran
    WHERE tahun = $2 AND triwulan <= $3
    GROUP BY sub_kegiatan_id
) ra ON ra.sub_kegiatan_id = sk.id
WHERE tj.instansi_id = $1 AND (CAST($4 AS INTEGER) IS NULL OR coalesce(sk.unit_id, k.unit_id) = $4)
GROUP BY p.id, p.kode, p.nama, k.id, k.kode, k.nama
ORDER BY p.kode, k.kode;
