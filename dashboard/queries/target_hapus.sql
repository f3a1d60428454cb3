-- Remove the targets of an indicator ($indikator_id) for one year ($tahun), before writing the new ones.
DELETE FROM target WHERE indikator_id = $indikator_id AND tahun = $tahun;
