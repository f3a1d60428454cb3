-- The PIC unit's current report on a follow-up ($1): status, progress note, close request.
SELECT status, catatan_progres, minta_tutup FROM tindak_lanjut WHERE id = $1;
