-- The instansi and owner unit of an indicator ($indikator_id).
SELECT instansi_id, unit_id FROM indikator WHERE id = $indikator_id;
