-- Remove the follow-ups of a finding ($temuan_id temuan id), before the finding itself.
DELETE FROM tindak_lanjut WHERE temuan_id = $temuan_id;
