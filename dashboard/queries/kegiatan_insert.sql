-- New kegiatan under program $1 (unit penanggung jawab $5, optional); returns its id.
INSERT INTO kegiatan (program_id, kode, nama, aktif, unit_id) VALUES ($1, $2, $3, $4, $5)
RETURNING id;
