-- A unit's ($2) request to reopen closed period $1, with its reason ($3), by $4 at $5.
INSERT INTO permintaan_buka (periode_id, unit_id, alasan, oleh, pada)
VALUES ($1, $2, $3, $4, $5) RETURNING id;
