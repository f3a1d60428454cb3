-- New entries from the staged rows (_baris) for one quarter ($1 tahun, $2 triwulan) by $3.
INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai, catatan, bukti, versi, diubah_oleh,
                       diubah_pada)
SELECT b.indikator_id, $1, $2, b.nilai, b.catatan, b.bukti, 1, $3, current_timestamp
FROM _baris AS b;
