-- A correction request, made at $status_sejak (the agency's clock); returns its id.
INSERT INTO perbaikan (indikator_id, tahun, triwulan, nilai_lama, nilai_baru, alasan, bukti,
                       diajukan_oleh, diajukan_pada, status_sejak)
VALUES ($indikator_id, $tahun, $triwulan, $nilai_lama, $nilai, $alasan, $bukti, $username, $status_sejak, $status_sejak)
RETURNING id;
