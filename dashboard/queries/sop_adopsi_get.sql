-- The SOP kode instansi $instansi_id adopted for procedure $prosedur (no row: none adopted).
SELECT sop_kode FROM sop_adopsi WHERE instansi_id = $instansi_id AND prosedur = $prosedur;
