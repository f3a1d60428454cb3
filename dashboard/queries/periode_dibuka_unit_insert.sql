-- Reopen a closed period ($periode_id) for one unit ($unit_id) with the reason ($alasan), by $username at $waktu.
INSERT INTO periode_dibuka_unit (periode_id, unit_id, alasan, oleh, pada) VALUES ($periode_id, $unit_id, $alasan, $username, $waktu);
