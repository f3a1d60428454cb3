-- A semester or annual report composed (instansi $1, year $2, bagian $3): file name $4, PDF $5
-- and Excel $6 as base64, by $7 at $8; composing again replaces the earlier documents.
INSERT INTO laporan_berkala (instansi_id, tahun, bagian, nama_berkas, dokumen_pdf,
                             dokumen_xlsx, disusun_oleh, disusun_pada)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (instansi_id, tahun, bagian) DO UPDATE SET
    nama_berkas = excluded.nama_berkas, dokumen_pdf = excluded.dokumen_pdf,
    dokumen_xlsx = excluded.dokumen_xlsx, disusun_oleh = excluded.disusun_oleh,
    disusun_pada = excluded.disusun_pada;
