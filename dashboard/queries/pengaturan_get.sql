-- A setting for an instansi ($instansi_id) by key ($kunci), falling back to the default row (NULL instansi).
SELECT nilai FROM pengaturan
WHERE kunci = $kunci AND (instansi_id = $instansi_id OR instansi_id IS NULL)
ORDER BY instansi_id NULLS LAST
LIMIT 1;
