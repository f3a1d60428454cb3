-- Perjanjian Kinerja: the pagu (DPA) of a year ($tahun) per program of an instansi ($instansi_id), summed
-- from its sub kegiatan; only programs with a pagu that year.
SELECT p.id, p.kode, p.nama, sum(a.pagu) AS pagu
FROM anggaran a
JOIN sub_kegiatan sk ON sk.id = a.sub_kegiatan_id
JOIN kegiatan k ON k.id = sk.kegiatan_id
JOIN program p ON p.id = k.program_id
JOIN sasaran s ON s.id = p.sasaran_id
JOIN tujuan t ON t.id = s.tujuan_id
WHERE t.instansi_id = $instansi_id AND a.tahun = $tahun
GROUP BY p.id, p.kode, p.nama
ORDER BY p.kode;
