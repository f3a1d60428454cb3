-- Monev meetings of an instansi ($1), optionally one year ($2), newest first, with counts of
-- findings and of follow-ups still open (one of the states $3, dashboard/rapat/tindak_lanjut.py).
SELECT r.id, r.tahun, r.triwulan, r.judul, r.waktu, r.tempat, r.pimpinan, r.notulis,
       r.kesimpulan, r.status, r.revisi, r.versi,
       (SELECT count(*) FROM temuan t WHERE t.rapat_id = r.id) AS temuan,
       (SELECT count(*) FROM temuan t JOIN tindak_lanjut l ON l.temuan_id = t.id
        WHERE t.rapat_id = r.id AND l.status = ANY($3)) AS tindak_lanjut_terbuka
FROM rapat r
WHERE r.instansi_id = $1 AND (CAST($2 AS INTEGER) IS NULL OR r.tahun = $2)
ORDER BY r.waktu DESC, r.id DESC;
