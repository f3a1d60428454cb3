-- Meetings of an instansi ($instansi_id) on one period ($tahun tahun, $triwulan triwulan) and day ($tanggal): those a new
-- meeting would repeat when the title is also the same (the service compares the titles).
SELECT id, judul, waktu, status
FROM rapat
WHERE instansi_id = $instansi_id AND tahun = $tahun AND triwulan = $triwulan AND CAST(waktu AS DATE) = $tanggal
ORDER BY id;
