-- New indicator; returns its id.
INSERT INTO indikator (instansi_id, unit_id, kode, nama, jenis, satuan, polaritas, cara_agregasi,
                       rumus_negatif, boleh_negatif, definisi, sumber_data, baseline,
                       target_renstra, aktif)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
RETURNING id;
