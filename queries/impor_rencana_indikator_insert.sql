-- Plan import: a new indicator; returns its id. $1 instansi, $2 unit, $3 kode, $4 nama,
-- $5 satuan, $6 jenis, $7 polaritas, $8 rumus negatif, $9 cara agregasi, $10 definisi,
-- $11 sumber data, $12 baseline, $13..$17 tujuan/sasaran/program/kegiatan/sub kegiatan, $18 pk.
INSERT INTO indikator (instansi_id, unit_id, kode, nama, satuan, jenis, polaritas, rumus_negatif,
                       cara_agregasi, definisi, sumber_data, baseline, tujuan_id, sasaran_id,
                       program_id, kegiatan_id, sub_kegiatan_id, pk)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
RETURNING id;
