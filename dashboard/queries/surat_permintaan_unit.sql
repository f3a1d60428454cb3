-- The addressees of instansi $instansi_id's request letter: active units with active indicators, and how
-- many indicators each reports.
SELECT u.id AS unit_id, u.kode, u.nama, u.jenis, count(*) AS indikator
FROM unit u
JOIN indikator i ON i.unit_id = u.id AND i.aktif
WHERE u.instansi_id = $instansi_id AND u.aktif
GROUP BY u.id, u.kode, u.nama, u.jenis
ORDER BY u.kode;
