-- The program, kegiatan or sub kegiatan each indicator of instansi $instansi_id hangs on directly, with its
-- level (tingkat): a node's capaian kinerja is the mean of its own indicators (docs/DOMAIN.md
-- §5.2); indicators on a sasaran or tujuan have none of the three.
SELECT i.id AS indikator_id,
       CASE WHEN i.sub_kegiatan_id IS NOT NULL THEN 'sub kegiatan'
            WHEN i.kegiatan_id IS NOT NULL THEN 'kegiatan'
            WHEN i.program_id IS NOT NULL THEN 'program' END AS tingkat,
       i.program_id, i.kegiatan_id, i.sub_kegiatan_id
FROM indikator i
WHERE i.instansi_id = $instansi_id AND i.aktif;
