-- Plan import: sub_kegiatan node $4 moved under kegiatan_id $1 with kode $2 and nama $3.
UPDATE sub_kegiatan SET kegiatan_id = $1, kode = $2, nama = $3 WHERE id = $4;
