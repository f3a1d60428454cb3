-- Perjanjian Kinerja: the pagu (DPA) of a year ($2) per program of an instansi ($1), summed
-- from its sub kegiatan; only programs with a pagu that year.
SELECT p.id, p.kode, p.nama, sum(a.pagu) AS pagu
FROM anggaran a
JOIN sub_kegiatan sk ON sk.id = a.sub_kegiatan_id
JOIN kegiatan k ON k.id = sk.kegiatan_id
JOIN program p ON p.id = k.program_id
JOIN sasaran s ON s.id = p.sasaran_id
JOIN tujuan t ON t.id = s.tujuan_id
WHERE t.instansi_id = $1 AND a.tahun = $2
GROUP BY p.id, p.kode, p.nama
ORDER BY p.kode;
