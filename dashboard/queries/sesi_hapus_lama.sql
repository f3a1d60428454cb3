-- Sign-in sessions that can no longer be used, kept a while for nothing: ended before $usang, or
-- last seen before $terakhir_pada (past the idle limit), or created before $dibuat_pada (past the absolute limit).
-- Every sign-in is in the event log; these rows only answer "is this cookie still signed in".
DELETE FROM sesi
WHERE (berakhir_pada IS NOT NULL AND berakhir_pada < $usang)
   OR terakhir_pada < $terakhir_pada
   OR dibuat_pada < $dibuat_pada;
