-- The caller of a session ($1 token hash), if the session is active, seen after $2 (the idle
-- limit) and created after $3 (the absolute limit), and the account is active and not locked:
-- identity, scope, when the session was last touched and the user's id (its roles:
-- peran_pengguna_dari). One primary-key probe and one join, no aggregate: it runs on every
-- page run of every user (an array_agg of the roles here cost 3 ms of DuckDB's time, 0,5 ms
-- apart).
SELECT p.username, p.nama, p.instansi_id, p.unit_id, s.terakhir_pada, p.id
FROM sesi s
JOIN pengguna p ON p.id = s.pengguna_id
WHERE s.token_hash = $1 AND s.berakhir_pada IS NULL
  AND s.terakhir_pada > $2 AND s.dibuat_pada > $3
  AND p.aktif AND NOT p.terkunci;
