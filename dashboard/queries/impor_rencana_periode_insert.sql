-- Plan import: a closed period for imported history ($instansi_id instansi, $tahun tahun, $triwulan triwulan,
-- $tenggat tenggat, $catatan note, $username by, $sekarang at); returns its id.
INSERT INTO periode (instansi_id, tahun, triwulan, tenggat, catatan, status, dibuka_oleh,
                     dibuka_pada, ditutup_pada)
VALUES ($instansi_id, $tahun, $triwulan, $tenggat, $catatan, 'ditutup', $username, $sekarang, $sekarang)
RETURNING id;
