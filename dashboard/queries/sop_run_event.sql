-- Events of the objects ($objek kinds, $objek_id ids; the caller keeps the pairs it follows) of the
-- given jenis ($jenis): what the step records of SOP runs are read from.
SELECT e.objek, e.objek_id, e.jenis, e.waktu, e.dari, e.ke, e.pengguna, e.peran, e.catatan
FROM event e
WHERE e.objek = ANY($objek) AND e.objek_id = ANY($objek_id) AND e.jenis = ANY($jenis)
ORDER BY e.waktu, e.id;
