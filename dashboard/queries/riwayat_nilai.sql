-- History of one value: indicator $indikator_id, year $tahun, quarter $triwulan.
SELECT pada, oleh, sumber, nilai_lama, nilai_baru, catatan
FROM realisasi_riwayat
WHERE indikator_id = $indikator_id AND tahun = $tahun AND triwulan = $triwulan
ORDER BY pada, id;
