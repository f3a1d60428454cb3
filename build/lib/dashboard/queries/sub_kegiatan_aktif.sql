-- Retire ($1 FALSE) or reactivate sub_kegiatan nodes ($2: list of ids).
UPDATE sub_kegiatan SET aktif = $1 WHERE id = ANY(CAST($2 AS INTEGER[]));
