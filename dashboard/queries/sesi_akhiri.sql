-- End one session ($token_hash token hash) at $berakhir_pada.
UPDATE sesi SET berakhir_pada = $berakhir_pada WHERE token_hash = $token_hash AND berakhir_pada IS NULL;
