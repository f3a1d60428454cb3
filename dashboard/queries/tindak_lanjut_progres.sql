-- The PIC unit's update ($tl_id id, at version $versi): status, progress note, evidence, close request;
-- only while the follow-up is open (one of the states $status_boleh, dashboard/rapat/tindak_lanjut.py).
UPDATE tindak_lanjut
SET status = $status, catatan_progres = $catatan, bukti = $bukti, minta_tutup = $minta_tutup, versi = versi + 1,
    diperbarui_oleh = $username, diperbarui_pada = $diperbarui_pada
WHERE id = $tl_id AND versi = $versi AND status = ANY($status_boleh)
RETURNING id;
