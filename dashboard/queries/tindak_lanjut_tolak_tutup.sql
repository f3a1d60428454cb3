-- Refuse the close request of a follow-up ($tl_id) at the version loaded ($versi), with the reason ($bersih).
UPDATE tindak_lanjut SET minta_tutup = FALSE, catatan_monev = $bersih, versi = versi + 1
WHERE id = $tl_id AND versi = $versi
RETURNING id;
