-- A semester or annual report composed (instansi $instansi_id, year $tahun, bagian $bagian): file name $nama_berkas, PDF $dokumen_pdf
-- and Excel $dokumen_xlsx as base64, by $username at $disusun_pada; composing again replaces the earlier documents.
INSERT INTO laporan_berkala (instansi_id, tahun, bagian, nama_berkas, dokumen_pdf,
                             dokumen_xlsx, disusun_oleh, disusun_pada)
VALUES ($instansi_id, $tahun, $bagian, $nama_berkas, $dokumen_pdf, $dokumen_xlsx, $username, $disusun_pada)
ON CONFLICT (instansi_id, tahun, bagian) DO UPDATE SET
    nama_berkas = excluded.nama_berkas, dokumen_pdf = excluded.dokumen_pdf,
    dokumen_xlsx = excluded.dokumen_xlsx, disusun_oleh = excluded.disusun_oleh,
    disusun_pada = excluded.disusun_pada;
