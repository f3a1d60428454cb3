-- Insert one SOP step with its parsed mutu baku waktu.
INSERT INTO sop_langkah (sop_id, urutan, no, aktivitas, pelaksana, kelengkapan, waktu,
                         waktu_hari, waktu_menit, waktu_basis, output, keterangan)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);
