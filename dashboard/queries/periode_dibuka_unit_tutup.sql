-- End every per-unit reopening of a period ($1) when it closes.
UPDATE periode_dibuka_unit SET aktif = FALSE WHERE periode_id = $1;
