-- New instansi; returns its id.
INSERT INTO instansi (kode, nama, pemda, alamat, kota, kepala_nama, kepala_jabatan, kepala_nip)
VALUES ($kode, $nama, $pemda, $alamat, $kota, $kepala_nama, $kepala_jabatan, $kepala_nip)
RETURNING id;
