-- Instansi, period and unit of a submission ($pengajuan_id).
SELECT p.instansi_id, s.periode_id, s.unit_id
FROM pengajuan s JOIN periode p ON p.id = s.periode_id
WHERE s.id = $pengajuan_id;
