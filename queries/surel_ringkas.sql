-- Outbox counts: waiting (never tried), failed (tried, unsent), sent.
SELECT count(*) FILTER (WHERE terkirim_pada IS NULL AND percobaan = 0) AS menunggu,
       count(*) FILTER (WHERE terkirim_pada IS NULL AND percobaan > 0) AS gagal,
       count(*) FILTER (WHERE terkirim_pada IS NOT NULL) AS terkirim
FROM surel_keluar;
