-- Move an LKj (instansi $1, year $2) still at version $3 to status $4, by $5 at $6; $7 marks
-- a return (to be drafted again) with its reason $8; a new draft records its drafter ($5).
-- $4, $5 and $7 are cast where they first appear: PostgreSQL deduces one type per parameter.
UPDATE lkj SET status = CAST($4 AS VARCHAR), status_oleh = CAST($5 AS VARCHAR),
       status_pada = $6, dikembalikan = CAST($7 AS BOOLEAN), alasan_kembali = $8,
       disusun_oleh = CASE WHEN $4 = 'disusun' AND NOT $7 THEN $5 ELSE disusun_oleh END,
       versi = versi + 1
WHERE instansi_id = $1 AND tahun = $2 AND versi = $3
RETURNING versi;
