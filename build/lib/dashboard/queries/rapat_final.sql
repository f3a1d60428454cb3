-- Finalise a meeting record ($1) if still at the version loaded ($2), by $3 at $4.
UPDATE rapat SET status = 'final', versi = versi + 1, difinalkan_oleh = $3, difinalkan_pada = $4
WHERE id = $1 AND versi = $2
RETURNING id;
