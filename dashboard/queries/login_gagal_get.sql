-- Failed sign-ins recorded for keys $kunci (a list of 'u:<username>' / 'a:<address>').
SELECT kunci, jumlah, terakhir FROM login_gagal WHERE kunci = ANY($kunci);
