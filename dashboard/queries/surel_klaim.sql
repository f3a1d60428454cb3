-- Claim email $surel_id for one sender: its next attempt moves to $coba_lagi_pada (a sender that stops half-way
-- leaves it due again then), only if it is still unsent and due at $sekarang. No row: someone else
-- claimed or sent it.
UPDATE surel_keluar SET coba_lagi_pada = $coba_lagi_pada
WHERE id = $surel_id AND terkirim_pada IS NULL AND coba_lagi_pada <= $sekarang
RETURNING id;
