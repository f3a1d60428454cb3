-- Who submitted a submission ($pengajuan_id) and when ($username by, $sekarang at), and whether it was late ($terlambat).
UPDATE pengajuan SET diajukan_oleh = $username, diajukan_pada = $sekarang, terlambat = $terlambat WHERE id = $pengajuan_id;
