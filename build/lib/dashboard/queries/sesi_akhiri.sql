-- End one session ($2 token hash) at $1.
UPDATE sesi SET berakhir_pada = $1 WHERE token_hash = $2 AND berakhir_pada IS NULL;
