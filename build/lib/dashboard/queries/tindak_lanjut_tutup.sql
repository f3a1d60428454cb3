-- Close a follow-up ($1) if still at the version loaded ($2): the closed state $6
-- (dashboard/rapat/tindak_lanjut.py), by $3 at $4, with the Pengelola Monev's note $5 (NULL keeps the
-- earlier note).
UPDATE tindak_lanjut
SET status = $6, minta_tutup = FALSE, ditutup_oleh = $3, ditutup_pada = $4,
    catatan_monev = coalesce($5, catatan_monev), versi = versi + 1
WHERE id = $1 AND versi = $2
RETURNING id;
