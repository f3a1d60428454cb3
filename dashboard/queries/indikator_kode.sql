-- The id of the indicator with kode $2 in instansi $1 (duplicate-code check).
SELECT id FROM indikator WHERE instansi_id = $1 AND kode = $2;
