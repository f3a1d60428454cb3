-- Unsent emails due at $1 (their next attempt has come), oldest first, at most $2.
SELECT id, kepada, subjek, isi, percobaan FROM surel_keluar
WHERE terkirim_pada IS NULL AND coba_lagi_pada <= $1
ORDER BY coba_lagi_pada, id
LIMIT $2;
