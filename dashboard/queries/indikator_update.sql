-- Edit an indicator ($16 id); instansi ($1) does not change but is bound for symmetry.
UPDATE indikator SET unit_id = $2, kode = $3, nama = $4, jenis = $5, satuan = $6,
       polaritas = $7, cara_agregasi = $8, rumus_negatif = $9, boleh_negatif = $10,
       definisi = $11, sumber_data = $12, baseline = $13, target_renstra = $14, aktif = $15
WHERE id = $16 AND instansi_id = $1;
