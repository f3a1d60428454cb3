-- Remove the follow-ups of a finding ($1 temuan id), before the finding itself.
DELETE FROM tindak_lanjut WHERE temuan_id = $1;
