-- A new meeting record (draf).
INSERT INTO rapat (instansi_id, tahun, triwulan, judul, waktu, tempat, pimpinan, notulis,
                   ringkasan, kesimpulan, dibuat_oleh, dibuat_pada)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
RETURNING id;
