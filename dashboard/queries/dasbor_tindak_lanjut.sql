-- Follow-ups of instansi $instansi_id that are open ($status), with their finding and meeting; limited to
-- unit $lingkup (NULL = all) as PIC or as the finding's unit.
SELECT tl.id, tl.uraian, tl.pic_unit_id, pu.nama AS pic_unit, tl.batas_waktu, tl.status,
       tl.catatan_progres, tl.minta_tutup, t.id AS temuan_id, t.unit_id, t.indikator_id,
       i.kode AS indikator_kode, t.permasalahan, r.id AS rapat_id, r.judul AS rapat,
       r.waktu AS rapat_waktu
FROM tindak_lanjut tl
JOIN temuan t ON t.id = tl.temuan_id
JOIN rapat r ON r.id = t.rapat_id
LEFT JOIN unit pu ON pu.id = tl.pic_unit_id
LEFT JOIN indikator i ON i.id = t.indikator_id
WHERE r.instansi_id = $instansi_id AND tl.status = ANY($status)
  AND (CAST($lingkup AS INTEGER) IS NULL OR tl.pic_unit_id = $lingkup OR t.unit_id = $lingkup)
ORDER BY tl.batas_waktu, tl.id;
