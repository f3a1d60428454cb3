-- Plan import: kegiatan node $4 moved under program_id $1 with kode $2 and nama $3.
UPDATE kegiatan SET program_id = $1, kode = $2, nama = $3 WHERE id = $4;
