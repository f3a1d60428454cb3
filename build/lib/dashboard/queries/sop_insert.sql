-- Insert one SOP revision header; returns its id.
INSERT INTO sop (kode, revisi, nomor, nama, instansi, tanggal_pembuatan, tanggal_revisi,
                 tanggal_efektif, disahkan_oleh, dasar_hukum, keterkaitan, peringatan,
                 kualifikasi_pelaksana, peralatan, pencatatan, pelaksana, sumber)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
RETURNING id;
