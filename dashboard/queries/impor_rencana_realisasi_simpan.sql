-- Plan import: insert or update the staged realisations (_baris: indikator_id, tahun, triwulan,
-- nilai, catatan) by $username at $sekarang; an update raises the row version.
INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai, catatan, versi, diubah_oleh,
                       diubah_pada)
SELECT b.indikator_id, b.tahun, b.triwulan, b.nilai, b.catatan, 1, $username, $sekarang FROM _baris AS b
ON CONFLICT (indikator_id, tahun, triwulan) DO UPDATE
SET nilai = excluded.nilai, catatan = excluded.catatan, versi = realisasi.versi + 1,
    diubah_oleh = excluded.diubah_oleh, diubah_pada = excluded.diubah_pada;
