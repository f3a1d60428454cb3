-- The caller of a session ($token_hash token hash), if the session is active, seen after $terakhir_pada (the idle
-- limit) and created after $dibuat_pada (the absolute limit), and the account is active and not locked:
-- identity, scope, when the session was last touched and the user's id (its roles:
-- peran_pengguna_dari). One primary-key probe and one join, no aggregate: it runs on every
-- page run of every user (an array_agg of the roles here cost 3 ms of DuckDB's time, 0,5 ms
-- apart).
SELECT p.username, p.nama, p.instansi_id, p.unit_id, s.terakhir_pada, p.id
FROM sesi s
JOIN pengguna p ON p.id = s.pengguna_id
WHERE s.token_hash = $token_hash AND s.berakhir_pada IS NULL
  AND s.terakhir_pada > $terakhir_pada AND s.dibuat_pada > $dibuat_pada
  AND p.aktif AND NOT p.terkunci;
