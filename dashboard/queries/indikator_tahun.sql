-- Every active indicator of an instansi ($instansi_id) with its targets and realisations for a year ($tahun),
-- one row per indicator (quarters pivoted), optionally limited to one unit ($lingkup, NULL = all).
WITH ind AS (
    SELECT i.id, i.kode, i.nama, i.satuan, i.jenis, i.polaritas, i.cara_agregasi,
           i.rumus_negatif, i.boleh_negatif, i.unit_id, u.kode AS unit_kode, u.nama AS unit_nama
    FROM indikator i
    JOIN unit u ON u.id = i.unit_id
    WHERE i.instansi_id = $instansi_id AND i.aktif AND (CAST($lingkup AS INTEGER) IS NULL OR i.unit_id = $lingkup)
), t AS (
    SELECT t.indikator_id,
           max(CASE WHEN t.triwulan = 0 THEN t.nilai END)      AS t0,
           max(CASE WHEN t.triwulan = 0 THEN t.nilai_atas END) AS t0_atas,
           max(CASE WHEN t.triwulan = 1 THEN t.nilai END)      AS t1,
           max(CASE WHEN t.triwulan = 2 THEN t.nilai END)      AS t2,
           max(CASE WHEN t.triwulan = 3 THEN t.nilai END)      AS t3,
           max(CASE WHEN t.triwulan = 4 THEN t.nilai END)      AS t4,
           max(CASE WHEN t.triwulan = 1 THEN t.nilai_atas END) AS t1_atas,
           max(CASE WHEN t.triwulan = 2 THEN t.nilai_atas END) AS t2_atas,
           max(CASE WHEN t.triwulan = 3 THEN t.nilai_atas END) AS t3_atas,
           max(CASE WHEN t.triwulan = 4 THEN t.nilai_atas END) AS t4_atas
    FROM target t
    WHERE t.tahun = $tahun AND t.indikator_id IN (SELECT id FROM ind)
    GROUP BY t.indikator_id
), r AS (
    SELECT r.indikator_id,
           max(CASE WHEN r.triwulan = 1 THEN r.nilai END) AS r1,
           max(CASE WHEN r.triwulan = 2 THEN r.nilai END) AS r2,
           max(CASE WHEN r.triwulan = 3 THEN r.nilai END) AS r3,
           max(CASE WHEN r.triwulan = 4 THEN r.nilai END) AS r4
    FROM realisasi r
    WHERE r.tahun = $tahun AND r.indikator_id IN (SELECT id FROM ind)
    GROUP BY r.indikator_id
)
SELECT ind.*, t.t0, t.t0_atas, t.t1, t.t2, t.t3, t.t4, t.t1_atas, t.t2_atas, t.t3_atas,
       t.t4_atas, r.r1, r.r2, r.r3, r.r4
FROM ind
LEFT JOIN t ON t.indikator_id = ind.id
LEFT JOIN r ON r.indikator_id = ind.id
ORDER BY ind.unit_kode, ind.kode;
