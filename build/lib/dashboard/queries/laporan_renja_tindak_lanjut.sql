-- Renja form E.81 closing rows: the follow-ups of monev meetings of instansi $1 in year $2 up
-- to quarter $3 that are open (one of the states $5, dashboard/rapat/tindak_lanjut.py), limited to unit $4 (NULL = all) as PIC or as the
-- finding's unit; with the PIC unit, the due date and the indicator.
SELECT tl.id, tl.uraian, tl.batas_waktu, tl.status, pu.nama AS pic_unit,
       i.kode AS indikator_kode, r.triwulan
FROM tindak_lanjut tl
JOIN temuan t ON t.id = tl.temuan_id
JOIN rapat r ON r.id = t.rapat_id
LEFT JOIN unit pu ON pu.id = tl.pic_unit_id
LEFT JOIN indikator i ON i.id = t.indikator_id
WHERE r.instansi_id = $1 AND r.tahun = $2 AND r.triwulan <= $3
  AND tl.status = ANY($5)
  AND (CAST($4 AS INTEGER) IS NULL OR tl.pic_unit_id = $4 OR t.unit_id = $4)
ORDER BY tl.batas_waktu, tl.id;
