-- The request letter of period $1.
INSERT INTO surat_permintaan (periode_id, instansi_id, tahun, urut, nomor, tanggal, tujuan,
                              dibuat_oleh, dibuat_pada)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);
