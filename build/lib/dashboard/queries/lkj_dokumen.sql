-- The frozen signed documents of an LKj (instansi $1, year $2).
SELECT nama_berkas, dokumen_pdf, dokumen_xlsx, sha256_pdf
FROM lkj WHERE instansi_id = $1 AND tahun = $2 AND dokumen_pdf IS NOT NULL;
