-- The outbox for the administrator: unsent first (failed ones with their error), then the
-- latest sent, at most $batas rows; only mail to users of instansi $instansi_id (NULL: every instansi).
SELECT s.id, s.kepada, s.subjek, s.dibuat_pada, s.percobaan, s.coba_lagi_pada,
       s.terkirim_pada, s.galat_terakhir
FROM surel_keluar s
LEFT JOIN pengguna g ON g.username = s.penerima
WHERE CAST($instansi_id AS INTEGER) IS NULL OR g.instansi_id = $instansi_id
ORDER BY (s.terkirim_pada IS NULL) DESC, coalesce(s.terkirim_pada, s.coba_lagi_pada) DESC,
         s.id DESC
LIMIT $batas;
