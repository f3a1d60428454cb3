-- The instansi and owner unit of an indicator ($1).
SELECT instansi_id, unit_id FROM indikator WHERE id = $1;
