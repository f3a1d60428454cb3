-- The semester and annual reports composed for an instansi ($instansi_id) and year ($tahun).
SELECT bagian, nama_berkas, disusun_oleh, disusun_pada
FROM laporan_berkala WHERE instansi_id = $instansi_id AND tahun = $tahun
ORDER BY bagian;
