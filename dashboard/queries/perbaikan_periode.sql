-- Year and quarter a correction ($perbaikan_id) corrects.
SELECT tahun, triwulan FROM perbaikan WHERE id = $perbaikan_id;
