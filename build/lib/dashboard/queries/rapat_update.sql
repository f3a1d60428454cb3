-- Change a meeting's header ($1 id) if still at the version loaded ($11); revisi + $12.
UPDATE rapat SET tahun = $2, triwulan = $3, judul = $4, waktu = $5, tempat = $6, pimpinan = $7,
       notulis = $8, ringkasan = $9, kesimpulan = $10, versi = versi + 1, revisi = revisi + $12
WHERE id = $1 AND versi = $11
RETURNING id;
