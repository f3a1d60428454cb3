-- The frozen signed documents of an LKj (instansi $instansi_id, year $tahun).
SELECT nama_berkas, dokumen_pdf, dokumen_xlsx, sha256_pdf
FROM lkj WHERE instansi_id = $instansi_id AND tahun = $tahun AND dokumen_pdf IS NOT NULL;
