-- Retire ($aktif FALSE) or reactivate sub_kegiatan nodes ($ids: list of ids).
UPDATE sub_kegiatan SET aktif = $aktif WHERE id = ANY(CAST($ids AS INTEGER[]));
