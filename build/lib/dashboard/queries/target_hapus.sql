-- Remove the targets of an indicator ($1) for one year ($2), before writing the new ones.
DELETE FROM target WHERE indikator_id = $1 AND tahun = $2;
