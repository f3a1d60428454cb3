-- The e-Kinerja exports and entries of an instansi ($instansi_id), by period.
SELECT e.periode_id, p.tahun, p.triwulan, e.diekspor_oleh, e.diekspor_pada, e.jumlah,
       e.dientri_oleh, e.dientri_pada, e.catatan
FROM ekinerja e JOIN periode p ON p.id = e.periode_id
WHERE e.instansi_id = $instansi_id
ORDER BY p.tahun DESC, p.triwulan DESC;
