-- Is period $periode_id open for unit $unit_id (open for all, or reopened for this unit)?
SELECT p.status = 'dibuka' OR EXISTS (
           SELECT 1 FROM periode_dibuka_unit d
           WHERE d.periode_id = p.id AND d.unit_id = $unit_id AND d.aktif) AS terbuka
FROM periode p WHERE p.id = $periode_id;
