-- A new session: $1 token hash, $2 pengguna id, $3 now, $4 client address, $5 user agent.
INSERT INTO sesi (token_hash, pengguna_id, dibuat_pada, terakhir_pada, alamat, agen)
VALUES ($1, $2, $3, $3, $4, $5);
