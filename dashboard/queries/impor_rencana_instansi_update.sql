-- Plan import: the fields of instansi $instansi_id from the workbook.
UPDATE instansi
SET nama = $nama, pemda = $pemda, alamat = $alamat, kota = $kota, kepala_nama = $kepala_nama, kepala_jabatan = $kepala_jabatan,
    kepala_nip = $kepala_nip
WHERE id = $instansi_id AND kode = $kode;
