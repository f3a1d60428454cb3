-- Is period $1 open for unit $2 (open for all, or reopened for this unit)?
SELECT p.status = 'dibuka' OR EXISTS (
           SELECT 1 FROM periode_dibuka_unit d
           WHERE d.periode_id = p.id AND d.unit_id = $2 AND d.aktif) AS terbuka
FROM periode p WHERE p.id = $1;
