-- The next sequence number of the request letters of instansi $1 in year $2.
SELECT coalesce(max(urut), 0) + 1 AS urut
FROM surat_permintaan WHERE instansi_id = $1 AND tahun = $2;
