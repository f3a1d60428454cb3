-- Reopen requests of instansi $instansi_id, waiting ones first, newest first, with the requester's name.
SELECT m.id, m.periode_id, p.tahun, p.triwulan, p.status AS periode_status, m.unit_id,
       u.nama AS unit, m.alasan, m.oleh, coalesce(g.nama, m.oleh) AS oleh_nama, m.pada,
       m.status, m.diproses_oleh, m.diproses_pada, m.jawaban
FROM permintaan_buka m
JOIN periode p ON p.id = m.periode_id
JOIN unit u ON u.id = m.unit_id
LEFT JOIN pengguna g ON g.username = m.oleh
WHERE p.instansi_id = $instansi_id
ORDER BY m.status <> 'menunggu', m.pada DESC, m.id DESC;
