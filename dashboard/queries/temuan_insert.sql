-- A finding of a meeting.
INSERT INTO temuan (rapat_id, unit_id, indikator_id, permasalahan, penyebab, rekomendasi,
                    dibuat_oleh, dibuat_pada)
VALUES ($rapat_id, $unit_id, $indikator_id, $permasalahan, $penyebab, $rekomendasi, $username, $dibuat_pada)
RETURNING id;
