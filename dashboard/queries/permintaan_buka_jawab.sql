-- Answer the waiting requests of unit $2 for period $1: status $3, by $4 at $5, note $6.
UPDATE permintaan_buka
SET status = $3, diproses_oleh = $4, diproses_pada = $5, jawaban = $6
WHERE periode_id = $1 AND unit_id = $2 AND status = 'menunggu'
RETURNING id;
