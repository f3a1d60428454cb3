-- Insert one SOP revision header; returns its id.
INSERT INTO sop (kode, revisi, nomor, nama, instansi, tanggal_pembuatan, tanggal_revisi,
                 tanggal_efektif, disahkan_oleh, dasar_hukum, keterkaitan, peringatan,
                 kualifikasi_pelaksana, peralatan, pencatatan, pelaksana, sumber)
VALUES ($kode, $revisi, $nomor, $nama, $instansi, $tanggal_pembuatan, $tanggal_revisi, $tanggal_efektif, $disahkan_oleh, $dasar_hukum, $keterkaitan, $peringatan, $kualifikasi_pelaksana, $peralatan, $pencatatan, $pelaksana, $sumber)
RETURNING id;
