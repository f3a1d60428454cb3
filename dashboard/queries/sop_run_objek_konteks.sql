-- The periods and submissions of instansi $instansi_id: which objects each run follows.
SELECT p.id AS periode_id, p.tahun, p.triwulan, p.dibuka_pada, s.id AS pengajuan_id, s.unit_id
FROM periode p LEFT JOIN pengajuan s ON s.periode_id = p.id
WHERE p.instansi_id = $instansi_id;
