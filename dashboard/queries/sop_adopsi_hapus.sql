-- Forget the adoption of instansi $instansi_id for procedure $prosedur (before writing the new one).
DELETE FROM sop_adopsi WHERE instansi_id = $instansi_id AND prosedur = $prosedur;
