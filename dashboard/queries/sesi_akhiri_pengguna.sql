-- End every active session of a user ($2 username) at $1.
UPDATE sesi SET berakhir_pada = $1
WHERE berakhir_pada IS NULL AND pengguna_id = (SELECT id FROM pengguna WHERE username = $2);
