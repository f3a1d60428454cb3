-- The active sessions of a user ($1 username): seen after $2 (idle limit), created after $3
-- (absolute limit), newest first.
SELECT s.token_hash, s.dibuat_pada, s.terakhir_pada, s.alamat, s.agen
FROM sesi s
JOIN pengguna p ON p.id = s.pengguna_id
WHERE p.username = $1 AND s.berakhir_pada IS NULL AND s.terakhir_pada > $2 AND s.dibuat_pada > $3
ORDER BY s.terakhir_pada DESC;
