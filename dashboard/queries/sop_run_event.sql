-- Events of the objects ($1 kinds, $2 ids; the caller keeps the pairs it follows) of the
-- given jenis ($3): what the step records of SOP runs are read from.
SELECT e.objek, e.objek_id, e.jenis, e.waktu, e.dari, e.ke, e.pengguna, e.peran, e.catatan
FROM event e
WHERE e.objek = ANY($1) AND e.objek_id = ANY($2) AND e.jenis = ANY($3)
ORDER BY e.waktu, e.id;
