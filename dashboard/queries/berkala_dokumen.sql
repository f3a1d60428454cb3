-- The stored documents of one semester or annual report (instansi $1, year $2, bagian $3).
SELECT nama_berkas, dokumen_pdf, dokumen_xlsx
FROM laporan_berkala WHERE instansi_id = $1 AND tahun = $2 AND bagian = $3;
