-- Change a meeting's header ($rapat_id) if still at the version loaded ($versi); revisi + $naik.
UPDATE rapat SET tahun = $tahun, triwulan = $triwulan, judul = $judul, waktu = $waktu, tempat = $tempat, pimpinan = $pimpinan,
       notulis = $notulis, ringkasan = $ringkasan, kesimpulan = $kesimpulan, versi = versi + 1, revisi = revisi + $naik
WHERE id = $rapat_id AND versi = $versi
RETURNING id;
