-- Plan import: tujuan node $4 moved under instansi_id $1 with kode $2 and uraian $3.
UPDATE tujuan SET instansi_id = $1, kode = $2, uraian = $3 WHERE id = $4;
