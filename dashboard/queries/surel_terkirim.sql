-- Email $1 was accepted by the SMTP server at $2.
UPDATE surel_keluar SET terkirim_pada = $2, percobaan = percobaan + 1, galat_terakhir = NULL
WHERE id = $1;
