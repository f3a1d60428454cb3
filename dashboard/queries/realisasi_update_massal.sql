-- Update the staged rows (_baris: indikator_id, nilai, catatan, bukti, versi) of one quarter
-- ($tahun tahun, $triwulan triwulan) by $username, each only if its version is still the one loaded. The count of
-- rows updated tells the caller whether someone else saved in between.
UPDATE realisasi AS r
SET nilai = b.nilai, catatan = b.catatan, bukti = b.bukti, diubah_oleh = $username,
    diubah_pada = current_timestamp, versi = r.versi + 1
FROM _baris AS b
WHERE r.indikator_id = b.indikator_id AND r.tahun = $tahun AND r.triwulan = $triwulan AND r.versi = b.versi;
