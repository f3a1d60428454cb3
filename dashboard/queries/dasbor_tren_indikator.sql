-- One indicator ($indikator_id): its attributes and, per year with targets or realisations, the pivoted
-- targets (0 = annual) and realisations, like indikator_tahun for a single indicator (each table
-- read once: the years are those of either side of the full join).
WITH t AS (
    SELECT tahun,
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
    FROM target WHERE indikator_id = $indikator_id GROUP BY tahun
), r AS (
    SELECT tahun,
           max(CASE WHEN triwulan = 1 THEN nilai END) AS r1,
           max(CASE WHEN triwulan = 2 THEN nilai END) AS r2,
           max(CASE WHEN triwulan = 3 THEN nilai END) AS r3,
           max(CASE WHEN triwulan = 4 THEN nilai END) AS r4
    FROM realisasi WHERE indikator_id = $indikator_id GROUP BY tahun
)
SELECT i.id, i.kode, i.nama, i.satuan, i.jenis, i.polaritas, i.cara_agregasi, i.rumus_negatif,
       i.definisi, i.sumber_data, i.baseline, i.target_renstra, i.unit_id, u.nama AS unit_nama,
       i.instansi_id,
       coalesce(t.tahun, r.tahun) AS tahun, t.t0, t.t0_atas, t.t1, t.t2, t.t3, t.t4, t.t1_atas, t.t2_atas, t.t3_atas,
       t.t4_atas, r.r1, r.r2, r.r3, r.r4
FROM indikator i
JOIN unit u ON u.id = i.unit_id
CROSS JOIN (t FULL JOIN r ON r.tahun = t.tahun)
WHERE i.id = $indikator_id
ORDER BY coalesce(t.tahun, r.tahun);
