-- Plan import: the indicators of instansi $instansi_id with every field the Indikator sheet carries.
SELECT id, kode, nama, satuan, jenis, unit_id, polaritas, rumus_negatif, cara_agregasi, definisi,
       sumber_data, baseline, boleh_negatif, tujuan_id, sasaran_id, program_id, kegiatan_id,
       sub_kegiatan_id, coalesce(pk, FALSE) AS pk
FROM indikator WHERE instansi_id = $instansi_id;
