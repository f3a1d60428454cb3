-- Where indicator $7 hangs in the plan (exactly one of tujuan $1, sasaran $2, program $3,
-- kegiatan $4, sub kegiatan $5, or none yet) and whether it is in the Perjanjian Kinerja ($6).
UPDATE indikator SET tujuan_id = $1, sasaran_id = $2, program_id = $3, kegiatan_id = $4,
       sub_kegiatan_id = $5, pk = $6
WHERE id = $7;
