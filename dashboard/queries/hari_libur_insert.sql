-- A day off: date $1, description $2, kind $3 (cuti_bersama / lokal).
INSERT INTO hari_libur VALUES ($1, $2, $3);
