-- One correction request ($1).
SELECT id, indikator_id, tahun, triwulan, nilai_lama, nilai_baru, status, diajukan_oleh
FROM perbaikan WHERE id = $1;
