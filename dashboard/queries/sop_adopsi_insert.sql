-- Instansi $1 runs SOP kode $3 for procedure $2 (adopted by $4 at $5).
INSERT INTO sop_adopsi (instansi_id, prosedur, sop_kode, diadopsi_oleh, diadopsi_pada)
VALUES ($1, $2, $3, $4, $5);
