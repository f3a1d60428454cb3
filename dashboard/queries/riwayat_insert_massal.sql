-- Value history from the staged rows (_baris: indikator_id, nilai_lama, nilai_baru, catatan)
-- for one quarter ($1 tahun, $2 triwulan), source $3, by $4.
INSERT INTO realisasi_riwayat (indikator_id, tahun, triwulan, nilai_lama, nilai_baru, catatan,
                               sumber, oleh)
SELECT b.indikator_id, $1, $2, b.nilai_lama, b.nilai_baru, b.catatan, $3, $4
FROM _baris AS b;
