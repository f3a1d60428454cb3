-- A finding of a meeting.
INSERT INTO temuan (rapat_id, unit_id, indikator_id, permasalahan, penyebab, rekomendasi,
                    dibuat_oleh, dibuat_pada)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id;
