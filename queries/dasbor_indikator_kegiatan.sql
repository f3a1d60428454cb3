-- The program and kegiatan each indicator of instansi $1 hangs under (directly or through its
-- sub kegiatan / kegiatan); indicators on a sasaran have neither.
SELECT i.id AS indikator_id,
       coalesce(i.program_id, k.program_id) AS program_id,
       coalesce(i.kegiatan_id, sk.kegiatan_id) AS kegiatan_id
FROM indikator i
LEFT JOIN sub_kegiatan sk ON sk.id = i.sub_kegiatan_id
LEFT JOIN kegiatan k ON k.id = coalesce(i.kegiatan_id, sk.kegiatan_id)
WHERE i.instansi_id = $1 AND i.aktif;
