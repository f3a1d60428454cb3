-- Instansi $instansi_id runs SOP kode $kode for procedure $prosedur (adopted by $username at $diadopsi_pada).
INSERT INTO sop_adopsi (instansi_id, prosedur, sop_kode, diadopsi_oleh, diadopsi_pada)
VALUES ($instansi_id, $prosedur, $kode, $username, $diadopsi_pada);
