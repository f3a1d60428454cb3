-- The LKj of an instansi ($instansi_id) and year ($tahun): its state, without the stored documents.
SELECT instansi_id, tahun, status, dikembalikan, alasan_kembali, status_oleh, status_pada,
       disusun_oleh, tujuan, nama_berkas, sha256_pdf, ditandatangani_oleh, ditandatangani_pada,
       dikirim_oleh, dikirim_pada, versi
FROM lkj WHERE instansi_id = $instansi_id AND tahun = $tahun;
