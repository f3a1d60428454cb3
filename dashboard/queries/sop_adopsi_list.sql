-- The SOPs instansi $instansi_id adopted, per procedure.
SELECT prosedur, sop_kode, diadopsi_oleh, diadopsi_pada FROM sop_adopsi WHERE instansi_id = $instansi_id;
