-- New indicator; returns its id.
INSERT INTO indikator (instansi_id, unit_id, kode, nama, jenis, satuan, polaritas, cara_agregasi,
                       rumus_negatif, boleh_negatif, definisi, sumber_data, baseline,
                       target_renstra, aktif)
VALUES ($instansi_id, $unit_id, $kode, $nama, $jenis, $satuan, $polaritas, $cara_agregasi, $rumus_negatif, $boleh_negatif, $definisi, $sumber_data, $baseline, $target_renstra, $aktif)
RETURNING id;
