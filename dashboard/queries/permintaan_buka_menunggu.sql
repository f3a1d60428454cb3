-- The waiting reopen request of unit $unit_id for period $periode_id, if any.
SELECT id FROM permintaan_buka WHERE periode_id = $periode_id AND unit_id = $unit_id AND status = 'menunggu';
