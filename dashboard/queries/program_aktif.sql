-- Retire ($aktif FALSE) or reactivate program nodes ($ids: list of ids).
UPDATE program SET aktif = $aktif WHERE id = ANY(CAST($ids AS INTEGER[]));
