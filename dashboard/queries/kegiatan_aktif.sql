-- Retire ($aktif FALSE) or reactivate kegiatan nodes ($ids: list of ids).
UPDATE kegiatan SET aktif = $aktif WHERE id = ANY(CAST($ids AS INTEGER[]));
