-- A correction request, made at $9 (the agency's clock); returns its id.
INSERT INTO perbaikan (indikator_id, tahun, triwulan, nilai_lama, nilai_baru, alasan, bukti,
                       diajukan_oleh, diajukan_pada, status_sejak)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
RETURNING id;
