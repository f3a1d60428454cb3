-- One inbox item; nothing when its deduplication key ($1) exists already (returns no row then).
INSERT INTO notifikasi (kunci, penerima, instansi_id, jenis, judul, isi, halaman, objek,
                        objek_id, dibuat_pada)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
ON CONFLICT (kunci) DO NOTHING
RETURNING id;
