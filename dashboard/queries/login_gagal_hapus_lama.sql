-- Failed sign-in counts last bumped before $terakhir (the throttle window): they delay no one any more
-- and the next failure would count from 1 again.
DELETE FROM login_gagal WHERE terakhir < $terakhir;
