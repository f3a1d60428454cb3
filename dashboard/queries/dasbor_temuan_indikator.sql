-- Monev findings on one indicator ($indikator_id), every year, with the meeting and the follow-ups
-- (one row per follow-up; a finding without one has NULL follow-up columns).
SELECT r.id AS rapat_id, r.judul AS rapat, r.waktu AS rapat_waktu, r.tahun, r.triwulan,
       r.status AS rapat_status, r.kesimpulan, t.id AS temuan_id, t.permasalahan, t.penyebab,
       t.rekomendasi, tl.id AS tindak_lanjut_id, tl.uraian AS tindak_lanjut, tl.batas_waktu,
       tl.status AS status_tindak_lanjut, tl.catatan_progres, tl.bukti AS bukti_tindak_lanjut
FROM temuan t
JOIN rapat r ON r.id = t.rapat_id
LEFT JOIN tindak_lanjut tl ON tl.temuan_id = t.id
WHERE t.indikator_id = $indikator_id
ORDER BY r.waktu, t.id, tl.id;
