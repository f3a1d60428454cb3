-- The id of the indicator with kode $kode in instansi $instansi_id (duplicate-code check).
SELECT id FROM indikator WHERE instansi_id = $instansi_id AND kode = $kode;
