-- A new indicator row with only the columns a row cannot exist without (no default); returns its
-- id. Every attribute, these included, is then written by indikator_simpan in the same
-- transaction, so a new attribute is added there only.
INSERT INTO indikator (instansi_id, unit_id, kode, nama, jenis, satuan)
VALUES ($instansi_id, $unit_id, $kode, $nama, $jenis, $satuan)
RETURNING id;
