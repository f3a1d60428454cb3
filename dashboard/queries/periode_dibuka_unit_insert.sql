-- Reopen a closed period ($1) for one unit ($2) with the reason ($3), by $4 at $5.
INSERT INTO periode_dibuka_unit (periode_id, unit_id, alasan, oleh, pada) VALUES ($1, $2, $3, $4, $5);
