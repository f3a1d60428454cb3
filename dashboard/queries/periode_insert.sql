-- Open a period; returns its id.
INSERT INTO periode (instansi_id, tahun, triwulan, tenggat, catatan, dibuka_oleh, dibuka_pada)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id;
