-- Category-scale settings: rows (instansi_id, kunci, nilai) whose key is in $kunci (a list), of the
-- instansi $instansi_id and the default row (NULL instansi); $instansi_id NULL: of every instansi. The service
-- picks the instansi's own row before the default and the new key before the old.
SELECT instansi_id, kunci, nilai FROM pengaturan
WHERE kunci = ANY($kunci)
  AND (CAST($instansi_id AS INTEGER) IS NULL OR instansi_id = $instansi_id OR instansi_id IS NULL);
