-- Follow-ups of the meetings of an instansi ($instansi_id), optionally of one PIC unit ($lingkup) and/or one
-- meeting ($rapat_id), with their finding and meeting.
SELECT l.id, l.temuan_id, l.uraian, l.pic_unit_id, u.nama AS pic_unit, l.batas_waktu, l.status,
       l.catatan_progres, l.bukti, l.minta_tutup, l.catatan_monev, l.versi, l.diperbarui_oleh,
       l.diperbarui_pada, l.ditutup_oleh, l.ditutup_pada,
       t.permasalahan, t.rekomendasi, t.unit_id AS temuan_unit_id, t.indikator_id,
       r.id AS rapat_id, r.judul AS rapat, r.tahun, r.triwulan, r.waktu AS rapat_waktu
FROM tindak_lanjut l
JOIN temuan t ON t.id = l.temuan_id
JOIN rapat r ON r.id = t.rapat_id
JOIN unit u ON u.id = l.pic_unit_id
WHERE r.instansi_id = $instansi_id AND (CAST($lingkup AS INTEGER) IS NULL OR l.pic_unit_id = $lingkup) AND (CAST($rapat_id AS INTEGER) IS NULL OR r.id = $rapat_id)
ORDER BY l.batas_waktu, l.id;
