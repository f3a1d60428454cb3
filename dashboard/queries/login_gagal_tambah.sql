-- One more failed sign-in for key $kunci at $sekarang; a count older than the window ($jendela) starts again.
INSERT INTO login_gagal (kunci, jumlah, terakhir) VALUES ($kunci, 1, $sekarang)
ON CONFLICT (kunci) DO UPDATE SET
    jumlah = CASE WHEN login_gagal.terakhir < $jendela THEN 1 ELSE login_gagal.jumlah + 1 END,
    terakhir = excluded.terakhir;
