-- A follow-up of a finding, at the first state $status_awal (dashboard/rapat/tindak_lanjut.py).
INSERT INTO tindak_lanjut (temuan_id, uraian, pic_unit_id, batas_waktu, status)
VALUES ($temuan_id, $uraian, $pic_unit_id, $batas_waktu, $status_awal)
RETURNING id;
