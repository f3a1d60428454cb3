-- The active sessions of a user ($username username): seen after $terakhir_pada (idle limit), created after $dibuat_pada
-- (absolute limit), newest first.
SELECT s.token_hash, s.dibuat_pada, s.terakhir_pada, s.alamat, s.agen
FROM sesi s
JOIN pengguna p ON p.id = s.pengguna_id
WHERE p.username = $username AND s.berakhir_pada IS NULL AND s.terakhir_pada > $terakhir_pada AND s.dibuat_pada > $dibuat_pada
ORDER BY s.terakhir_pada DESC;
