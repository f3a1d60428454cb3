-- Forget the adoption of instansi $1 for procedure $2 (before writing the new one).
DELETE FROM sop_adopsi WHERE instansi_id = $1 AND prosedur = $2;
