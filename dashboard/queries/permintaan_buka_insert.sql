-- A unit's ($unit_id) request to reopen closed period $periode_id, with its reason ($alasan), by $username at $pada.
INSERT INTO permintaan_buka (periode_id, unit_id, alasan, oleh, pada)
VALUES ($periode_id, $unit_id, $alasan, $username, $pada) RETURNING id;
