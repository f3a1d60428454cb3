-- The semester and annual reports composed for an instansi ($1) and year ($2).
SELECT bagian, nama_berkas, disusun_oleh, disusun_pada
FROM laporan_berkala WHERE instansi_id = $1 AND tahun = $2
ORDER BY bagian;
