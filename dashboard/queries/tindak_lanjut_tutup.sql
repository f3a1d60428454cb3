-- Close a follow-up ($tl_id) if still at the version loaded ($versi): the closed state $selesai
-- (dashboard/rapat/tindak_lanjut.py), by $username at $ditutup_pada, with the Pengelola Monev's note $catatan (NULL keeps the
-- earlier note).
UPDATE tindak_lanjut
SET status = $selesai, minta_tutup = FALSE, ditutup_oleh = $username, ditutup_pada = $ditutup_pada,
    catatan_monev = coalesce($catatan, catatan_monev), versi = versi + 1
WHERE id = $tl_id AND versi = $versi
RETURNING id;
