-- One setting ($1 kunci) of every instansi that has it.
SELECT instansi_id, nilai FROM pengaturan WHERE kunci = $1 AND instansi_id IS NOT NULL;
