-- One more failed sign-in for key $1 at $2; a count older than the window ($3) starts again.
INSERT INTO login_gagal (kunci, jumlah, terakhir) VALUES ($1, 1, $2)
ON CONFLICT (kunci) DO UPDATE SET
    jumlah = CASE WHEN login_gagal.terakhir < $3 THEN 1 ELSE login_gagal.jumlah + 1 END,
    terakhir = excluded.terakhir;
