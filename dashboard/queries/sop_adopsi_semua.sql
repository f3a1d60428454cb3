-- Every adoption, for the status of every instansi's SOPs.
SELECT a.instansi_id, i.kode AS instansi_kode, a.prosedur, a.sop_kode
FROM sop_adopsi a JOIN instansi i ON i.id = a.instansi_id
ORDER BY a.instansi_id, a.prosedur;
