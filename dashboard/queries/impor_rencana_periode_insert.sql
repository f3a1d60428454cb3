-- Plan import: a closed period for imported history ($1 instansi, $2 tahun, $3 triwulan,
-- $4 tenggat, $5 note, $6 by, $7 at); returns its id.
INSERT INTO periode (instansi_id, tahun, triwulan, tenggat, catatan, status, dibuka_oleh,
                     dibuka_pada, ditutup_pada)
VALUES ($1, $2, $3, $4, $5, 'ditutup', $6, $7, $7)
RETURNING id;
