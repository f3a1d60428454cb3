-- The PIC unit's current report on a follow-up ($tl_id): status, progress note, close request.
SELECT status, catatan_progres, minta_tutup FROM tindak_lanjut WHERE id = $tl_id;
