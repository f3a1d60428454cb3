-- One reopen request ($permintaan_id) with its period's instansi.
SELECT m.id, m.periode_id, m.unit_id, m.alasan, m.oleh, m.status, p.instansi_id
FROM permintaan_buka m
JOIN periode p ON p.id = m.periode_id
WHERE m.id = $permintaan_id;
