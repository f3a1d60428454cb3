-- A follow-up of a finding.
INSERT INTO tindak_lanjut (temuan_id, uraian, pic_unit_id, batas_waktu)
VALUES ($1, $2, $3, $4)
RETURNING id;
