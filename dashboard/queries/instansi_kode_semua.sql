-- Every instansi's id and kode, in id order.
SELECT id, kode FROM instansi ORDER BY id;
