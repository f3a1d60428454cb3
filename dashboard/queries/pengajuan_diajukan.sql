-- Who submitted a submission ($4) and when ($1 by, $2 at), and whether it was late ($3).
UPDATE pengajuan SET diajukan_oleh = $1, diajukan_pada = $2, terlambat = $3 WHERE id = $4;
