-- The stored documents of one semester or annual report (instansi $instansi_id, year $tahun, bagian $bagian).
SELECT nama_berkas, dokumen_pdf, dokumen_xlsx
FROM laporan_berkala WHERE instansi_id = $instansi_id AND tahun = $tahun AND bagian = $bagian;
