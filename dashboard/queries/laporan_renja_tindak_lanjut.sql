-- Renja form E.81 closing rows: the follow-ups of monev meetings of instansi $instansi_id in year $tahun up
-- to quarter $triwulan that are open (one of the states $status, dashboard/rapat/tindak_lanjut.py), limited to unit $unit_id (NULL = all) as PIC or as the
-- finding's unit; with the PIC unit, the due date and the indicator.
SELECT tl.id, tl.uraian, tl.batas_waktu, tl.status, pu.nama AS pic_unit,
       i.kode AS indikator_kode, r.triwulan
FROM tindak_lanjut tl
JOIN temuan t ON t.id = tl.temuan_id
JOIN rapat r ON r.id = t.rapat_id
LEFT JOIN unit pu ON pu.id = tl.pic_unit_id
LEFT JOIN indikator i ON i.id = t.indikator_id
WHERE r.instansi_id = $instansi_id AND r.tahun = $tahun AND r.triwulan <= $triwulan
  AND tl.status = ANY($status)
  AND (CAST($unit_id AS INTEGER) IS NULL OR tl.pic_unit_id = $unit_id OR t.unit_id = $unit_id)
ORDER BY tl.batas_waktu, tl.id;
