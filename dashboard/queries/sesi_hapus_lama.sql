-- Sign-in sessions that can no longer be used, kept a while for nothing: ended before $1, or
-- last seen before $2 (past the idle limit), or created before $3 (past the absolute limit).
-- Every sign-in is in the event log; these rows only answer "is this cookie still signed in".
DELETE FROM sesi
WHERE (berakhir_pada IS NOT NULL AND berakhir_pada < $1)
   OR terakhir_pada < $2
   OR dibuat_pada < $3;
