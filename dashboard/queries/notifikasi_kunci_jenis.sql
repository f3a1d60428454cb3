-- The deduplication keys already written for the notifications of the kinds $jenis (a list): what
-- a reminder run skips without trying to write it again.
SELECT kunci FROM notifikasi WHERE jenis = ANY($jenis);
