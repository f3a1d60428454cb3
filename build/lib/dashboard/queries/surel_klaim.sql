-- Claim email $1 for one sender: its next attempt moves to $2 (a sender that stops half-way
-- leaves it due again then), only if it is still unsent and due at $3. No row: someone else
-- claimed or sent it.
UPDATE surel_keluar SET coba_lagi_pada = $2
WHERE id = $1 AND terkirim_pada IS NULL AND coba_lagi_pada <= $3
RETURNING id;
