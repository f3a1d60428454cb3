-- The caller of a session ($1 token hash), if the session is active, seen after $2 (the idle
-- limit) and created after $3 (the absolute limit), and the account is active and not locked:
-- identity, scope, roles and when the session was last touched. One primary-key probe plus
-- the user's own rows.
SELECT p.username, p.nama, p.instansi_id, p.unit_id,
       array_agg(r.peran ORDER BY r.peran) FILTER (WHERE r.peran IS NOT NULL) AS peran,
       s.terakhir_pada
FROM sesi s
JOIN pengguna p ON p.id = s.pengguna_id
LEFT JOIN peran_pengguna r ON r.pengguna_id = p.id
WHERE s.token_hash = $1 AND s.berakhir_pada IS NULL
  AND s.terakhir_pada > $2 AND s.dibuat_pada > $3
  AND p.aktif AND NOT p.terkunci
GROUP BY p.username, p.nama, p.instansi_id, p.unit_id, s.terakhir_pada;
