-- Category-scale settings: rows (instansi_id, kunci, nilai) whose key is in $2 (a list), of the
-- instansi $1 and the default row (NULL instansi); $1 NULL: of every instansi. The service
-- picks the instansi's own row before the default and the new key before the old.
SELECT instansi_id, kunci, nilai FROM pengaturan
WHERE kunci = ANY($2)
  AND (CAST($1 AS INTEGER) IS NULL OR instansi_id = $1 OR instansi_id IS NULL);
