-- Plan import: indicator $19 (of instansi $1) takes the workbook's fields (same order as insert).
UPDATE indikator
SET unit_id = $2, kode = $3, nama = $4, satuan = $5, jenis = $6, polaritas = $7,
    rumus_negatif = $8, cara_agregasi = $9, definisi = $10, sumber_data = $11, baseline = $12,
    tujuan_id = $13, sasaran_id = $14, program_id = $15, kegiatan_id = $16,
    sub_kegiatan_id = $17, pk = $18
WHERE id = $19 AND instansi_id = $1;
