-- One correction request ($perbaikan_id).
SELECT id, indikator_id, tahun, triwulan, nilai_lama, nilai_baru, status, diajukan_oleh
FROM perbaikan WHERE id = $perbaikan_id;
