-- One change in a value's history.
INSERT INTO realisasi_riwayat (indikator_id, tahun, triwulan, nilai_lama, nilai_baru, catatan,
                               sumber, oleh)
VALUES ($indikator_id, $tahun, $triwulan, $lama, $baru, $catatan, $sumber, $username);
