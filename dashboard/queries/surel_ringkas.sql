-- Outbox counts: waiting (never tried), failed (tried, unsent), sent; only mail to users of
-- instansi $instansi_id (NULL: every instansi), as surel_list.
SELECT count(*) FILTER (WHERE s.terkirim_pada IS NULL AND s.percobaan = 0) AS menunggu,
       count(*) FILTER (WHERE s.terkirim_pada IS NULL AND s.percobaan > 0) AS gagal,
       count(*) FILTER (WHERE s.terkirim_pada IS NOT NULL) AS terkirim
FROM surel_keluar s
LEFT JOIN pengguna g ON g.username = s.penerima
WHERE CAST($instansi_id AS INTEGER) IS NULL OR g.instansi_id = $instansi_id;
