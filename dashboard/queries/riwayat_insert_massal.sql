-- Value history from the staged rows (_baris: indikator_id, nilai_lama, nilai_baru, catatan)
-- for one quarter ($tahun tahun, $triwulan triwulan), source $sumber, by $username.
INSERT INTO realisasi_riwayat (indikator_id, tahun, triwulan, nilai_lama, nilai_baru, catatan,
                               sumber, oleh)
SELECT b.indikator_id, $tahun, $triwulan, b.nilai_lama, b.nilai_baru, b.catatan, $sumber, $username
FROM _baris AS b;
