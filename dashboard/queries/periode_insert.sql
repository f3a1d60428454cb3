-- Open a period; returns its id.
INSERT INTO periode (instansi_id, tahun, triwulan, tenggat, catatan, dibuka_oleh, dibuka_pada)
VALUES ($instansi_id, $tahun, $triwulan, $tenggat, $catatan, $username, $dibuka_pada)
RETURNING id;
