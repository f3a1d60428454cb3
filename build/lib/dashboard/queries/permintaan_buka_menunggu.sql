-- The waiting reopen request of unit $2 for period $1, if any.
SELECT id FROM permintaan_buka WHERE periode_id = $1 AND unit_id = $2 AND status = 'menunggu';
