-- The signed LKj (instansi $1, year $2, at version $3) with its documents frozen: file name $4,
-- PDF $5 and Excel $6 (base64), the PDF's sha256 $7, signed by $8 at $9.
UPDATE lkj SET status = 'ditandatangani', status_oleh = $8, status_pada = $9,
       dikembalikan = FALSE, alasan_kembali = NULL, nama_berkas = $4, dokumen_pdf = $5,
       dokumen_xlsx = $6, sha256_pdf = $7, ditandatangani_oleh = $8, ditandatangani_pada = $9,
       versi = versi + 1
WHERE instansi_id = $1 AND tahun = $2 AND versi = $3 AND status = 'diparaf'
RETURNING versi;
