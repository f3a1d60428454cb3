-- Plan import: every instansi with the fields the workbook's Instansi sheet carries.
SELECT id, kode, nama, pemda, alamat, kota, kepala_nama, kepala_jabatan, kepala_nip
FROM instansi ORDER BY kode;
