-- Last seen of a session ($2 token hash) is now ($1).
UPDATE sesi SET terakhir_pada = $1 WHERE token_hash = $2;
