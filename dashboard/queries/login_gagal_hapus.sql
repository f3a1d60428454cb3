-- Forget the failed sign-ins of key $kunci (after a successful sign-in of that username).
DELETE FROM login_gagal WHERE kunci = $kunci;
