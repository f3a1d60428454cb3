-- Where indicator $indikator_id hangs in the plan (exactly one of tujuan $tujuan_id, sasaran $sasaran_id, program $program_id,
-- kegiatan $kegiatan_id, sub kegiatan $sub_kegiatan_id, or none yet) and whether it is in the Perjanjian Kinerja ($pk).
UPDATE indikator SET tujuan_id = $tujuan_id, sasaran_id = $sasaran_id, program_id = $program_id, kegiatan_id = $kegiatan_id,
       sub_kegiatan_id = $sub_kegiatan_id, pk = $pk
WHERE id = $indikator_id;
