-- The instansi holding a kode ($kode), to refuse a duplicate and to resolve --instansi KODE.
SELECT id FROM instansi WHERE kode = $kode;
