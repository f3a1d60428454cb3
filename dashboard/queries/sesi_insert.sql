-- A new session: $token_hash token hash, $pengguna_id pengguna id, $terakhir_pada now, $alamat client address, $agen user agent.
INSERT INTO sesi (token_hash, pengguna_id, dibuat_pada, terakhir_pada, alamat, agen)
VALUES ($token_hash, $pengguna_id, $terakhir_pada, $terakhir_pada, $alamat, $agen);
