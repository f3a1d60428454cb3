-- SOP runs of instansi $instansi_id, optionally one year ($tahun) and one unit ($lingkup), with their SOP revision.
SELECT r.id, r.sop_id, s.kode, s.nama AS sop_nama, s.revisi, r.prosedur, r.objek, r.objek_id,
       r.kunci, r.periode_id, coalesce(r.tahun, p.tahun) AS tahun,
       coalesce(r.triwulan, p.triwulan) AS triwulan, p.dibuka_pada AS periode_dibuka,
       r.unit_id, u.nama AS unit, r.instansi_id
FROM sop_run r
JOIN sop s ON s.id = r.sop_id
LEFT JOIN periode p ON p.id = r.periode_id
LEFT JOIN unit u ON u.id = r.unit_id
WHERE r.instansi_id = $instansi_id AND (CAST($tahun AS INTEGER) IS NULL OR coalesce(r.tahun, p.tahun) = $tahun) AND (CAST($lingkup AS INTEGER) IS NULL OR r.unit_id = $lingkup)
ORDER BY coalesce(r.tahun, p.tahun) DESC, coalesce(r.triwulan, p.triwulan) DESC NULLS FIRST, u.nama;
