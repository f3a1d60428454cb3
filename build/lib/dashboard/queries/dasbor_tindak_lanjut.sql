-- Follow-ups of instansi $1 that are open ($3), with their finding and meeting; limited to
-- unit $2 (NULL = all) as PIC or as the finding's unit.
SELECT tl.id, tl.uraian, tl.pic_unit_id, pu.nama AS pic_unit, tl.batas_waktu, tl.status,
       tl.catatan_progres, tl.minta_tutup, t.id AS temuan_id, t.unit_id, t.indikator_id,
       i.kode AS indikator_kode, t.permasalahan, r.id AS rapat_id, r.judul AS rapat,
       r.waktu AS rapat_waktu
FROM tindak_lanjut tl
JOIN temuan t ON t.id = tl.temuan_id
JOIN rapat r ON r.id = t.rapat_id
LEFT JOIN unit pu ON pu.id = tl.pic_unit_id
LEFT JOIN indikator i ON i.id = t.indikator_id
WHERE r.instansi_id = $1 AND tl.status = ANY($3)
  AND (CAST($2 AS INTEGER) IS NULL OR tl.pic_unit_id = $2 OR t.unit_id = $2)
ORDER BY tl.batas_waktu, tl.id;
