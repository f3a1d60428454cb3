-- New entries from the staged rows (_baris) for one quarter ($tahun tahun, $triwulan triwulan) by $username.
INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai, catatan, bukti, versi, diubah_oleh,
                       diubah_pada)
SELECT b.indikator_id, $tahun, $triwulan, b.nilai, b.catatan, b.bukti, 1, $username, current_timestamp
FROM _baris AS b;
