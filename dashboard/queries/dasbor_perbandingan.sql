-- Every instansi side by side for one period ($tahun, $triwulan), aggregated in SQL so it
-- stays fast with hundreds of instansi:
--   capaian: mean capaian triwulan of the assessed active indicators, by the rules of
--            dashboard/capaian/capaian.py (to-date aggregation, polarity, rumus A/B, range targets,
--            Belum Diisi / Tidak Ada Target / Belum Dapat Dinilai left out), each value capped
--            at its instansi's scoring cap (dashboard/capaian/skala.py): $batas_skor[k] (NULL: none) is the cap
--            of instansi $instansi_ids[k];
--   tepat_waktu: units that submitted on time / active units (submitted: not the draft state
--                $status_draf of dashboard/review/alur.py);
--   SOP: step records of the period's runs (from transitions through sop_pemetaan, and
--        logged by hand) within the step's mutu baku, counted in whole working days: $hari_kerja is
--        the list of working days (the calendar of dashboard/periode/kalender.py); a standard below
--        one day means the same working day.
WITH r AS (
    SELECT indikator_id,
           sum(nilai) AS r_sum, avg(nilai) AS r_avg, max(nilai) AS r_max,
           (array_agg(nilai ORDER BY triwulan DESC))[1] AS r_last, bool_or(triwulan = $triwulan) AS diisi
    FROM realisasi
    WHERE tahun = $tahun AND triwulan <= $triwulan AND nilai IS NOT NULL
    GROUP BY indikator_id
), t AS (
    SELECT indikator_id,
           max(nilai) FILTER (WHERE triwulan = 0)                  AS t0,
           max(nilai_atas) FILTER (WHERE triwulan = 0)             AS t0_atas,
           sum(nilai) FILTER (WHERE triwulan BETWEEN 1 AND $triwulan)     AS t_sum,
           avg(nilai) FILTER (WHERE triwulan BETWEEN 1 AND $triwulan)     AS t_avg,
           max(nilai) FILTER (WHERE triwulan = $triwulan)                 AS t_n,
           sum(nilai_atas) FILTER (WHERE triwulan BETWEEN 1 AND $triwulan) AS ta_sum,
           avg(nilai_atas) FILTER (WHERE triwulan BETWEEN 1 AND $triwulan) AS ta_avg,
           max(nilai_atas) FILTER (WHERE triwulan = $triwulan)            AS ta_n
    FROM target
    WHERE tahun = $tahun
    GROUP BY indikator_id
), sd AS (
    SELECT i.instansi_id, i.polaritas, i.rumus_negatif, r.diisi, t.t0, t.t0_atas,
           CASE i.cara_agregasi WHEN 'SUM' THEN r.r_sum WHEN 'AVG' THEN r.r_avg
                WHEN 'MAX' THEN r.r_max ELSE r.r_last END AS r_sd,
           CASE i.cara_agregasi WHEN 'SUM' THEN t.t_sum WHEN 'AVG' THEN t.t_avg
                ELSE t.t_n END AS t_sd,
           CASE i.cara_agregasi WHEN 'SUM' THEN t.ta_sum WHEN 'AVG' THEN t.ta_avg
                ELSE t.ta_n END AS ta_sd
    FROM indikator i
    JOIN r ON r.indikator_id = i.id
    LEFT JOIN t ON t.indikator_id = i.id
    WHERE i.aktif AND r.diisi
), dinilai AS (
    SELECT instansi_id, polaritas, rumus_negatif, r_sd,
           CASE WHEN ta_sd IS NULL THEN t_sd
                WHEN r_sd > greatest(t_sd, ta_sd) THEN greatest(t_sd, ta_sd)
                ELSE least(t_sd, ta_sd) END AS t_eff,
           ta_sd IS NOT NULL AND r_sd BETWEEN least(t_sd, ta_sd) AND greatest(t_sd, ta_sd)
               AS dalam_rentang
    FROM sd
    WHERE NOT ((t0 IS NULL AND t_sd IS NULL)
               OR (t0 = 0 AND coalesce(t0_atas, 0) = 0 AND polaritas = 'positif'))
      AND t_sd IS NOT NULL
), nilai AS (
    SELECT instansi_id,
           CASE WHEN dalam_rentang THEN 100.0
                WHEN polaritas = 'positif' THEN
                    CASE WHEN t_eff <= 0 THEN NULL ELSE greatest(0.0, r_sd / t_eff * 100) END
                WHEN t_eff = 0 THEN CASE WHEN r_sd = 0 THEN 100.0 ELSE 0.0 END
                WHEN t_eff < 0 THEN NULL
                WHEN rumus_negatif = 'B' THEN
                    CASE WHEN r_sd <= 0 THEN 200.0
                         ELSE greatest(0.0, least(t_eff / r_sd * 100, 200.0)) END
                ELSE greatest(0.0, (2 * t_eff - r_sd) / t_eff * 100) END AS capaian
    FROM dinilai
), batas AS (
    SELECT unnest(CAST($instansi_ids AS INTEGER[])) AS instansi_id,
           unnest(CAST($batas_skor AS DOUBLE PRECISION[])) AS batas_skor
), cap AS (
    SELECT n.instansi_id,
           -- least() skips NULLs: a value that cannot be assessed must stay NULL, not the cap
           avg(CASE WHEN b.batas_skor IS NULL OR n.capaian IS NULL THEN n.capaian
                    ELSE least(n.capaian, b.batas_skor) END) AS capaian,
           count(n.capaian) AS dinilai
    FROM nilai n LEFT JOIN batas b ON b.instansi_id = n.instansi_id
    GROUP BY n.instansi_id
), jml AS (
    SELECT instansi_id, count(*) AS indikator FROM indikator WHERE aktif GROUP BY instansi_id
), kirim AS (
    SELECT u.instansi_id, count(*) AS unit,
           count(s.id) FILTER (WHERE s.diajukan_pada IS NOT NULL AND s.status <> $status_draf)
               AS diajukan,
           count(s.id) FILTER (WHERE s.diajukan_pada IS NOT NULL AND s.status <> $status_draf
                               AND NOT s.terlambat) AS tepat
    FROM unit u
    LEFT JOIN periode p ON p.instansi_id = u.instansi_id AND p.tahun = $tahun AND p.triwulan = $triwulan
    LEFT JOIN pengajuan s ON s.periode_id = p.id AND s.unit_id = u.id
    WHERE u.aktif
    GROUP BY u.instansi_id
), run AS (
    SELECT r.id, r.instansi_id, r.sop_id, r.objek, CAST(r.objek_id AS VARCHAR) AS objek_id,
           p.dibuka_pada, s.kode
    FROM sop_run r
    JOIN periode p ON p.id = r.periode_id
    JOIN sop s ON s.id = r.sop_id
    WHERE p.tahun = $tahun AND p.triwulan = $triwulan
), ev AS (
    SELECT e.objek, e.objek_id, e.ke, e.waktu FROM event e
    WHERE e.jenis = 'transisi'
      AND EXISTS (SELECT 1 FROM run WHERE run.objek = e.objek AND run.objek_id = e.objek_id)
), m AS (
    -- the steps timed between two transitions of the run's object, or from the period opening
    -- (docs/DOMAIN.md §8.6); steps timed from other events are on the Ketepatan waktu SOP page
    SELECT sop_kode, urutan, selesai_objek AS objek, selesai_ke AS selesai,
           CASE WHEN mulai_jenis = 'periode_dibuka' THEN 'periode_dibuka' ELSE mulai_ke END
               AS mulai
    FROM sop_pemetaan
    WHERE cara = 'event' AND selesai_jenis = 'transisi'
      AND (mulai_jenis = 'periode_dibuka'
           OR (mulai_jenis = 'transisi' AND mulai_objek = selesai_objek))
), akhir AS (
    SELECT row_number() OVER () AS k, run.id AS run_id, run.instansi_id, run.sop_id, m.urutan,
           m.mulai AS status_mulai, run.objek, run.objek_id, run.dibuka_pada, e.waktu AS selesai
    FROM run
    JOIN m ON m.sop_kode = run.kode AND m.objek = run.objek
    JOIN ev e ON e.objek = run.objek AND e.objek_id = run.objek_id AND e.ke = m.selesai
), catatan AS (
    -- a step starts at the latest entry into its start status up to its end: one join and a
    -- max per record (k), not a subquery per record (PostgreSQL ran that as a scan of ev per
    -- record, three times: 7 s at scale L)
    SELECT a.instansi_id, a.sop_id, a.urutan, a.selesai,
           CASE WHEN a.status_mulai = 'periode_dibuka' THEN a.dibuka_pada
                ELSE max(b.waktu) END AS mulai
    FROM akhir a
    LEFT JOIN ev b ON b.objek = a.objek AND b.objek_id = a.objek_id
                  AND b.ke = a.status_mulai AND b.waktu <= a.selesai
    GROUP BY a.k, a.instansi_id, a.sop_id, a.urutan, a.selesai, a.status_mulai, a.dibuka_pada
    UNION ALL
    SELECT run.instansi_id, run.sop_id, l.urutan, l.selesai, l.mulai
    FROM sop_run_langkah l
    JOIN run ON run.id = l.run_id
    WHERE l.selesai IS NOT NULL
), kal AS (
    SELECT DISTINCT unnest(CAST($hari_kerja AS DATE[])) AS d
), hari AS (
    -- working days between start and end: working days up to the end minus up to the start
    SELECT c.instansi_id, c.sop_id, c.urutan, c.mulai, c.selesai,
           (SELECT count(*) FROM kal WHERE kal.d <= CAST(c.selesai AS DATE))
           - (SELECT count(*) FROM kal WHERE kal.d <= CAST(c.mulai AS DATE)) AS hari_kerja,
           CAST(c.selesai AS DATE) - CAST(c.mulai AS DATE) AS hari_kalender
    FROM catatan c
    WHERE c.mulai IS NOT NULL AND c.mulai <= c.selesai
), sop AS (
    SELECT h.instansi_id,
           count(*) AS langkah,
           count(*) FILTER (
               WHERE CASE coalesce(sl.manual_basis, sl.waktu_basis)
                   WHEN 'hari_kalender' THEN h.hari_kalender
                        <= floor(coalesce(sl.manual_hari, sl.waktu_hari, 0))
                   ELSE h.hari_kerja <= floor(coalesce(sl.manual_hari, sl.waktu_hari, 0)
                                              + coalesce(sl.manual_menit, sl.waktu_menit, 0) / 510)
               END) AS tepat
    FROM hari h
    JOIN sop_langkah sl ON sl.sop_id = h.sop_id AND sl.urutan = h.urutan
    WHERE coalesce(sl.manual_basis, sl.waktu_basis) IS NOT NULL
    GROUP BY h.instansi_id
)
SELECT i.id AS instansi_id, i.kode, i.nama, i.pemda, coalesce(jml.indikator, 0) AS indikator,
       coalesce(cap.dinilai, 0) AS dinilai, cap.capaian,
       coalesce(kirim.unit, 0) AS unit, coalesce(kirim.diajukan, 0) AS diajukan,
       coalesce(kirim.tepat, 0) AS tepat_waktu,
       coalesce(sop.langkah, 0) AS langkah_sop, coalesce(sop.tepat, 0) AS langkah_tepat
FROM instansi i
LEFT JOIN jml ON jml.instansi_id = i.id
LEFT JOIN cap ON cap.instansi_id = i.id
LEFT JOIN kirim ON kirim.instansi_id = i.id
LEFT JOIN sop ON sop.instansi_id = i.id
ORDER BY i.pemda, i.nama;
