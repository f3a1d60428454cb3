-- Year and quarter a correction ($1) corrects.
SELECT tahun, triwulan FROM perbaikan WHERE id = $1;
