-- A setting for an instansi ($1) by key ($2), falling back to the default row (NULL instansi).
SELECT nilai FROM pengaturan
WHERE kunci = $2 AND (instansi_id = $1 OR instansi_id IS NULL)
ORDER BY instansi_id NULLS LAST
LIMIT 1;
