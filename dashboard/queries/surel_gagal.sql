-- Email $surel_id failed: one more attempt counted, the next at $lagi, the error $pesan kept.
UPDATE surel_keluar SET percobaan = percobaan + 1, coba_lagi_pada = $lagi, galat_terakhir = $pesan
WHERE id = $surel_id;
