-- Plan import: new indicators from the staged rows (_baris, columns as named below); returns
-- each new id with its kode.
INSERT INTO indikator (instansi_id, unit_id, kode, nama, satuan, jenis, polaritas, rumus_negatif,
                       cara_agregasi, definisi, sumber_data, baseline, tujuan_id, sasaran_id,
                       program_id, kegiatan_id, sub_kegiatan_id, pk)
SELECT b.instansi_id, b.unit_id, b.kode, b.nama, b.satuan, b.jenis, b.polaritas, b.rumus_negatif,
       b.cara_agregasi, b.definisi, b.sumber_data, b.baseline, b.tujuan_id, b.sasaran_id,
       b.program_id, b.kegiatan_id, b.sub_kegiatan_id, b.pk
FROM _baris AS b
RETURNING id, kode;
