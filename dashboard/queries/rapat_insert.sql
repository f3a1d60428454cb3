-- A new meeting record (draf).
INSERT INTO rapat (instansi_id, tahun, triwulan, judul, waktu, tempat, pimpinan, notulis,
                   ringkasan, kesimpulan, dibuat_oleh, dibuat_pada)
VALUES ($instansi_id, $tahun, $triwulan, $judul, $waktu, $tempat, $pimpinan, $notulis, $ringkasan, $kesimpulan, $username, $dibuat_pada)
RETURNING id;
