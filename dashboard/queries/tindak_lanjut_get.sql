-- One follow-up ($tl_id) with what its checks need: instansi, PIC unit, status, version, meeting,
-- the finding's unit and the stored evidence reference.
SELECT l.id, r.instansi_id, l.pic_unit_id, l.status, l.versi, l.minta_tutup, r.tahun,
       r.triwulan, r.id AS rapat_id, t.unit_id AS temuan_unit_id, l.bukti
FROM tindak_lanjut l
JOIN temuan t ON t.id = l.temuan_id
JOIN rapat r ON r.id = t.rapat_id
WHERE l.id = $tl_id;
