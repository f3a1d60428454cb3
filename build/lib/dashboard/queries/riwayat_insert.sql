-- One change in a value's history.
INSERT INTO realisasi_riwayat (indikator_id, tahun, triwulan, nilai_lama, nilai_baru, catatan,
                               sumber, oleh)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
