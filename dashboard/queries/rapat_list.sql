-- Monev meetings of an instansi ($instansi_id), optionally one year ($tahun), newest first, with counts of
-- findings and of follow-ups still open (one of the states $status, dashboard/rapat/tindak_lanjut.py).
SELECT r.id, r.tahun, r.triwulan, r.judul, r.waktu, r.tempat, r.pimpinan, r.notulis,
       r.kesimpulan, r.status, r.revisi, r.versi,
       (SELECT count(*) FROM temuan t WHERE t.rapat_id = r.id) AS temuan,
       (SELECT count(*) FROM temuan t JOIN tindak_lanjut l ON l.temuan_id = t.id
        WHERE t.rapat_id = r.id AND l.status = ANY($status)) AS tindak_lanjut_terbuka
FROM rapat r
WHERE r.instansi_id = $instansi_id AND (CAST($tahun AS INTEGER) IS NULL OR r.tahun = $tahun)
ORDER BY r.waktu DESC, r.id DESC;
