-- Retire ($1 FALSE) or reactivate kegiatan nodes ($2: list of ids).
UPDATE kegiatan SET aktif = $1 WHERE id = ANY(CAST($2 AS INTEGER[]));
