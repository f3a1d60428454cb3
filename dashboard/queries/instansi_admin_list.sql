-- Every instansi with its letterhead and head, for the admin page (callers filter by scope).
SELECT id, kode, nama, pemda, alamat, kota, kepala_nama, kepala_jabatan, kepala_nip
FROM instansi
ORDER BY pemda, nama;
