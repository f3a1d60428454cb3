-- SOP runs of instansi $1, optionally one year ($2) and one unit ($3), with their SOP revision.
SELECT r.id, r.sop_id, s.kode, s.nama AS sop_nama, s.revisi, r.prosedur, r.objek, r.objek_id,
       r.kunci, r.periode_id, coalesce(r.tahun, p.tahun) AS tahun,
       coalesce(r.triwulan, p.triwulan) AS triwulan, p.dibuka_pada AS periode_dibuka,
       r.unit_id, u.nama AS unit, r.instansi_id
FROM sop_run r
JOIN sop s ON s.id = r.sop_id
LEFT JOIN periode p ON p.id = r.periode_id
LEFT JOIN unit u ON u.id = r.unit_id
WHERE r.instansi_id = $1 AND (CAST($2 AS INTEGER) IS NULL OR coalesce(r.tahun, p.tahun) = $2) AND (CAST($3 AS INTEGER) IS NULL OR r.unit_id = $3)
ORDER BY coalesce(r.tahun, p.tahun) DESC, coalesce(r.triwulan, p.triwulan) DESC NULLS FIRST, u.nama;
