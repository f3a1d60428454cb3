-- A follow-up of a finding, at the first state $5 (dashboard/rapat/tindak_lanjut.py).
INSERT INTO tindak_lanjut (temuan_id, uraian, pic_unit_id, batas_waktu, status)
VALUES ($1, $2, $3, $4, $5)
RETURNING id;
