-- Instansi, period (of the corrected quarter, if one was opened) and unit of a correction ($perbaikan_id).
SELECT i.instansi_id,
       (SELECT p.id FROM periode p WHERE p.instansi_id = i.instansi_id AND p.tahun = f.tahun
          AND p.triwulan = f.triwulan) AS periode_id,
       i.unit_id
FROM perbaikan f JOIN indikator i ON i.id = f.indikator_id
WHERE f.id = $perbaikan_id;
