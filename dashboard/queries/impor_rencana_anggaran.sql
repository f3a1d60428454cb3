-- Plan import: pagu (triwulan 0) and quarterly spending (1..4) of the sub kegiatan of instansi $instansi_id.
WITH sk AS (
    SELECT x.id FROM sub_kegiatan x
    JOIN kegiatan k ON k.id = x.kegiatan_id
    JOIN program p ON p.id = k.program_id
    JOIN sasaran s ON s.id = p.sasaran_id
    JOIN tujuan t ON t.id = s.tujuan_id
    WHERE t.instansi_id = $instansi_id
)
SELECT a.sub_kegiatan_id, a.tahun, 0 AS triwulan, a.pagu AS nilai
FROM anggaran a JOIN sk ON sk.id = a.sub_kegiatan_id
UNION ALL
SELECT r.sub_kegiatan_id, r.tahun, r.triwulan, r.nilai
FROM realisasi_anggaran r JOIN sk ON sk.id = r.sub_kegiatan_id;
