-- Refuse the close request of a follow-up ($1) at the version loaded ($2), with the reason ($3).
UPDATE tindak_lanjut SET minta_tutup = FALSE, catatan_monev = $3, versi = versi + 1
WHERE id = $1 AND versi = $2
RETURNING id;
