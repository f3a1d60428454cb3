-- All instansi, for selectors.
SELECT id, kode, nama, pemda FROM instansi ORDER BY pemda, nama;
