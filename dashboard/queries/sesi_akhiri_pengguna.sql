-- End every active session of a user ($username username) at $sekarang.
UPDATE sesi SET berakhir_pada = $sekarang
WHERE berakhir_pada IS NULL AND pengguna_id = (SELECT id FROM pengguna WHERE username = $username);
