-- The next sequence number of the request letters of instansi $instansi_id in year $tahun.
SELECT coalesce(max(urut), 0) + 1 AS urut
FROM surat_permintaan WHERE instansi_id = $instansi_id AND tahun = $tahun;
