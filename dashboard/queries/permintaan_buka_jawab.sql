-- Answer the waiting requests of unit $unit_id for period $periode_id: status $status, by $username at $waktu, note $alasan.
UPDATE permintaan_buka
SET status = $status, diproses_oleh = $username, diproses_pada = $waktu, jawaban = $alasan
WHERE periode_id = $periode_id AND unit_id = $unit_id AND status = 'menunggu'
RETURNING id;
