-- Retire ($aktif FALSE) or reactivate tujuan nodes ($ids: list of ids).
UPDATE tujuan SET aktif = $aktif WHERE id = ANY(CAST($ids AS INTEGER[]));
