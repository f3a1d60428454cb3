-- Workflow transitions of the objects followed by the runs $1 (list of run ids).
SELECT e.objek, e.objek_id, e.waktu, e.dari, e.ke, e.pengguna, e.peran, e.catatan
FROM sop_run r
JOIN event e ON e.objek = r.objek AND e.objek_id = CAST(r.objek_id AS VARCHAR)
WHERE r.id = ANY($1) AND e.jenis = 'transisi'
ORDER BY e.waktu, e.id;
