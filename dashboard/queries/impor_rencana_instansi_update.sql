-- Plan import: the fields of instansi $9 from the workbook.
UPDATE instansi
SET nama = $2, pemda = $3, alamat = $4, kota = $5, kepala_nama = $6, kepala_jabatan = $7,
    kepala_nip = $8
WHERE id = $9 AND kode = $1;
