-- Remove every Renstra target of indicator $1 (written again in the same transaction).
DELETE FROM target_renstra WHERE indikator_id = $1;
