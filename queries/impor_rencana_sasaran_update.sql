-- Plan import: sasaran node $4 moved under tujuan_id $1 with kode $2 and uraian $3.
UPDATE sasaran SET tujuan_id = $1, kode = $2, uraian = $3 WHERE id = $4;
