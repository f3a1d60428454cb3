-- The PIC unit's update ($1 id, at version $2): status, progress note, evidence, close request;
-- only while the follow-up is open (one of the states $9, dashboard/rapat/tindak_lanjut.py).
UPDATE tindak_lanjut
SET status = $3, catatan_progres = $4, bukti = $5, minta_tutup = $6, versi = versi + 1,
    diperbarui_oleh = $7, diperbarui_pada = $8
WHERE id = $1 AND versi = $2 AND status = ANY($9)
RETURNING id;
