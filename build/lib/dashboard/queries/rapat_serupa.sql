-- Meetings of an instansi ($1) on one period ($2 tahun, $3 triwulan) and day ($4): those a new
-- meeting would repeat when the title is also the same (the service compares the titles).
SELECT id, judul, waktu, status
FROM rapat
WHERE instansi_id = $1 AND tahun = $2 AND triwulan = $3 AND CAST(waktu AS DATE) = $4
ORDER BY id;
