-- Every attribute of an indicator of the instansi (a new one right after indikator_baru, or an
-- edit), bound by name from the service's IndikatorInput; instansi_id does not change, it scopes.
UPDATE indikator
SET unit_id = $unit_id, kode = $kode, nama = $nama, jenis = $jenis, satuan = $satuan,
    polaritas = $polaritas, cara_agregasi = $cara_agregasi, rumus_negatif = $rumus_negatif,
    boleh_negatif = $boleh_negatif, definisi = $definisi, sumber_data = $sumber_data,
    baseline = $baseline, target_renstra = $target_renstra, aktif = $aktif
WHERE id = $indikator_id AND instansi_id = $instansi_id;
