-- Finalise a meeting record ($rapat_id) if still at the version loaded ($versi), by $username at $difinalkan_pada.
UPDATE rapat SET status = 'final', versi = versi + 1, difinalkan_oleh = $username, difinalkan_pada = $difinalkan_pada
WHERE id = $rapat_id AND versi = $versi
RETURNING id;
