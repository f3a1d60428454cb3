-- A correction request; returns its id.
INSERT INTO perbaikan (indikator_id, tahun, triwulan, nilai_lama, nilai_baru, alasan, bukti,
                       diajukan_oleh)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id;
