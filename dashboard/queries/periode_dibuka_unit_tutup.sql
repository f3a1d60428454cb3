-- End every per-unit reopening of a period ($periode_id) when it closes.
UPDATE periode_dibuka_unit SET aktif = FALSE WHERE periode_id = $periode_id;
