-- The SOP kode instansi $1 adopted for procedure $2 (no row: none adopted).
SELECT sop_kode FROM sop_adopsi WHERE instansi_id = $1 AND prosedur = $2;
