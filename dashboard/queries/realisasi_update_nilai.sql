-- A signed correction: new value $baru by $username at $waktu for indicator $indikator_id, year $tahun, quarter $triwulan.
UPDATE realisasi SET nilai = $baru, versi = versi + 1, diubah_oleh = $username, diubah_pada = $waktu
WHERE indikator_id = $indikator_id AND tahun = $tahun AND triwulan = $triwulan;
