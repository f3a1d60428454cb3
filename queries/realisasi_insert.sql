-- A new entry (version 1).
INSERT INTO realisasi (indikator_id, tahun, triwulan, nilai, catatan, bukti, versi, diubah_oleh,
                       diubah_pada)
VALUES ($1, $2, $3, $4, $5, $6, 1, $7, current_timestamp);
