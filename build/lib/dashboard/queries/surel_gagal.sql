-- Email $1 failed: one more attempt counted, the next at $2, the error $3 kept.
UPDATE surel_keluar SET percobaan = percobaan + 1, coba_lagi_pada = $2, galat_terakhir = $3
WHERE id = $1;
