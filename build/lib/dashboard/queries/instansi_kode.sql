-- The instansi holding a kode ($1), to refuse a duplicate and to resolve --instansi KODE.
SELECT id FROM instansi WHERE kode = $1;
