-- Unsent emails due at $sekarang (their next attempt has come), oldest first, at most $batas.
SELECT id, kepada, subjek, isi, percobaan FROM surel_keluar
WHERE terkirim_pada IS NULL AND coba_lagi_pada <= $sekarang
ORDER BY coba_lagi_pada, id
LIMIT $batas;
