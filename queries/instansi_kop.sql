-- Letterhead and signature data of an instansi ($1).
SELECT id, nama, pemda, kota, alamat, kepala_nama, kepala_nip, kepala_jabatan
FROM instansi WHERE id = $1;
