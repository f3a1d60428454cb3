-- Email $surel_id was accepted by the SMTP server at $sekarang.
UPDATE surel_keluar SET terkirim_pada = $sekarang, percobaan = percobaan + 1, galat_terakhir = NULL
WHERE id = $surel_id;
