-- One SOP revision header ($sop_id id).
SELECT id, kode, revisi, nomor, nama, instansi, tanggal_pembuatan, tanggal_revisi,
       tanggal_efektif, disahkan_oleh, dasar_hukum, keterkaitan, peringatan,
       kualifikasi_pelaksana, peralatan, pencatatan, pelaksana, sumber, dimuat_pada,
       catatan_revisi
FROM sop WHERE id = $sop_id;
