-- The signed LKj (instansi $instansi_id, year $tahun, at version $versi) with its documents frozen: file name $nama_berkas,
-- PDF $dokumen_pdf and Excel $dokumen_xlsx (base64), the PDF's sha256 $sha256_pdf, signed by $username at $sekarang.
UPDATE lkj SET status = 'ditandatangani', status_oleh = $username, status_pada = $sekarang,
       dikembalikan = FALSE, alasan_kembali = NULL, nama_berkas = $nama_berkas, dokumen_pdf = $dokumen_pdf,
       dokumen_xlsx = $dokumen_xlsx, sha256_pdf = $sha256_pdf, ditandatangani_oleh = $username, ditandatangani_pada = $sekarang,
       versi = versi + 1
WHERE instansi_id = $instansi_id AND tahun = $tahun AND versi = $versi AND status = 'diparaf'
RETURNING versi;
