-- Admin edit of an instansi ($9 id).
UPDATE instansi
SET kode = $1, nama = $2, pemda = $3, alamat = $4, kota = $5, kepala_nama = $6,
    kepala_jabatan = $7, kepala_nip = $8
WHERE id = $9;
