-- Remove every Renstra target of indicator $indikator_id (written again in the same transaction).
DELETE FROM target_renstra WHERE indikator_id = $indikator_id;
