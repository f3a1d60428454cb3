-- Failed sign-in counts last bumped before $1 (the throttle window): they delay no one any more
-- and the next failure would count from 1 again.
DELETE FROM login_gagal WHERE terakhir < $1;
