-- Admin edit of an instansi ($instansi_id id).
UPDATE instansi
SET kode = $kode, nama = $nama, pemda = $pemda, alamat = $alamat, kota = $kota, kepala_nama = $kepala_nama,
    kepala_jabatan = $kepala_jabatan, kepala_nip = $kepala_nip
WHERE id = $instansi_id;
