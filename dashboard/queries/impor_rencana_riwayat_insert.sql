-- Plan import: value history of the staged realisations (_baris: indikator_id, tahun, triwulan,
-- nilai_lama, nilai_baru, catatan), source 'impor', by $username at $sekarang.
INSERT INTO realisasi_riwayat (indikator_id, tahun, triwulan, nilai_lama, nilai_baru, catatan,
                               sumber, oleh, pada)
SELECT b.indikator_id, b.tahun, b.triwulan, b.nilai_lama, b.nilai_baru, b.catatan, 'impor', $username, $sekarang
FROM _baris AS b;
