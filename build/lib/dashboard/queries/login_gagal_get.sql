-- Failed sign-ins recorded for keys $1 (a list of 'u:<username>' / 'a:<address>').
SELECT kunci, jumlah, terakhir FROM login_gagal WHERE kunci = ANY($1);
