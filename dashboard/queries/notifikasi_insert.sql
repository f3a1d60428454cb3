-- One inbox item; nothing when its deduplication key ($kunci) exists already (returns no row then).
INSERT INTO notifikasi (kunci, penerima, instansi_id, jenis, judul, isi, halaman, objek,
                        objek_id, dibuat_pada)
VALUES ($kunci, $username, $instansi_id, $jenis, $judul, $isi, $halaman, $objek, $objek_id, $waktu)
ON CONFLICT (kunci) DO NOTHING
RETURNING id;
