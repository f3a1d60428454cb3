-- Forget the failed sign-ins of key $1 (after a successful sign-in of that username).
DELETE FROM login_gagal WHERE kunci = $1;
