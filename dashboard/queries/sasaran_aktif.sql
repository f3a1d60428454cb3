-- Retire ($aktif FALSE) or reactivate sasaran nodes ($ids: list of ids).
UPDATE sasaran SET aktif = $aktif WHERE id = ANY(CAST($ids AS INTEGER[]));
