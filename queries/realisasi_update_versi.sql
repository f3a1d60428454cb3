-- Update one entry only if nobody changed it since it was loaded (version $8); returns the new
-- version, or no row on a conflict.
UPDATE realisasi
SET nilai = $1, catatan = $2, bukti = $3, diubah_oleh = $4, diubah_pada = current_timestamp,
    versi = versi + 1
WHERE indikator_id = $5 AND tahun = $6 AND triwulan = $7 AND versi = $8
RETURNING versi;
