-- A signed correction: new value $1 by $2 at $3 for indicator $4, year $5, quarter $6.
UPDATE realisasi SET nilai = $1, versi = versi + 1, diubah_oleh = $2, diubah_pada = $3
WHERE indikator_id = $4 AND tahun = $5 AND triwulan = $6;
