-- Last seen of a session ($token_hash token hash) is now ($terakhir_pada).
UPDATE sesi SET terakhir_pada = $terakhir_pada WHERE token_hash = $token_hash;
