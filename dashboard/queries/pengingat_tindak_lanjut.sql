-- Open follow-ups (one of the states $status, dashboard/rapat/tindak_lanjut.py) due by $batas (the agency's
-- date + 3 days), with their unit and instansi.
SELECT t.id AS tindak_lanjut_id, t.uraian, t.batas_waktu, t.pic_unit_id AS unit_id,
       r.instansi_id
FROM tindak_lanjut t
JOIN temuan m ON m.id = t.temuan_id
JOIN rapat r ON r.id = m.rapat_id
WHERE t.status = ANY($status) AND t.batas_waktu <= $batas
ORDER BY t.id;
