-- New instansi; returns its id.
INSERT INTO instansi (kode, nama, pemda, alamat, kota, kepala_nama, kepala_jabatan, kepala_nip)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id;
