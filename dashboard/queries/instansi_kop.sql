-- Letterhead and default signer of an instansi ($instansi_id) for generated documents.
SELECT id, kode, nama, pemda, kota, alamat, kepala_jabatan, kepala_nama, kepala_nip
FROM instansi WHERE id = $instansi_id;
