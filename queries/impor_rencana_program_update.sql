-- Plan import: program node $4 moved under sasaran_id $1 with kode $2 and nama $3.
UPDATE program SET sasaran_id = $1, kode = $2, nama = $3 WHERE id = $4;
