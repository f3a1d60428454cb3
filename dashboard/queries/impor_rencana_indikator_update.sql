-- Plan import: staged indicators (_baris: id and the columns as named below) take the workbook's
-- fields; matched by id, so kode and instansi stay.
UPDATE indikator
SET unit_id = b.unit_id, nama = b.nama, satuan = b.satuan, jenis = b.jenis,
    polaritas = b.polaritas, rumus_negatif = b.rumus_negatif, cara_agregasi = b.cara_agregasi,
    definisi = b.definisi, sumber_data = b.sumber_data, baseline = b.baseline,
    tujuan_id = b.tujuan_id, sasaran_id = b.sasaran_id, program_id = b.program_id,
    kegiatan_id = b.kegiatan_id, sub_kegiatan_id = b.sub_kegiatan_id, pk = b.pk
FROM _baris AS b
WHERE indikator.id = b.id;
